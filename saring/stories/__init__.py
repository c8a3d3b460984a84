"""Stories: articles from different outlets and days that report one event.

``sentences`` splits Indonesian text into sentences, ``group`` groups articles into stories,
``summary`` draws a story's summary from its articles, ``build`` makes a run's stories.
"""

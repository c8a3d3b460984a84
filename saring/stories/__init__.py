"""Stories: articles from different outlets and days that report one event (issue 6, in progress:
so far the Indonesian sentence splitter the summaries need)."""

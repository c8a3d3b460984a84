"""The settings of story grouping and summaries, apart from the code that uses them, so that
reading a run's configuration (the CLI, every worker process) does not import the grouping and
its libraries (scipy, the event rules: 0.2 s of each start)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryConfig:
    """Story grouping.

    Parameters
    ----------
    enabled : group the kept documents into stories (``story_id``, ``stories.parquet``).
    threshold : cosine of two articles' neighbour profiles at which they join one story (0.65,
        chosen with ``name_weight`` on the tuned-on part of the extended development set;
        without the event rules 0.75 was best).
    neighbours : how many nearest articles make an article's profile.
    self_weight : an article's own weight in its profile, against a neighbour at similarity 1
        (below 1, two articles are judged more by the neighbours they share than by each other).
    floor : similarity (after time decay) below which an article is no one's neighbour.
    title_weight : how much a title word counts against the first word of the lead.
    lead_words : content words of the body read.
    lead_decay : the position in the lead at which a word counts half as much as the first
        (the lead tells the event, later paragraphs wander; 0: every lead word counts the same).
        With 120 words and 40 the development set scores 0.909, with 60 words counted the same
        0.888 at best.
    name_weight : how much more a name counts than another word (1: names are not told apart).
        A name is a word the batch's leads write with a capital letter inside a sentence
        (Raung, Ghazali, BIRD, Botafogo) at least ``name_ratio`` of the times they use it:
        what tells one event from another of its kind, where the beat's words (erupsi,
        dividen, gunung) are common nouns.
    events : two articles that each name in their title a subject the other never names
        (Raung and Semeru; PSG-Botafogo and Seattle-Atletico; two companies' dividends) are
        not joined directly, whatever their neighbours share.
    owner_size, attach_size, name_background_df : with ``events``, a group of ``attach_size``
        articles or fewer whose titles name the subject of one story of ``owner_size`` articles
        or more joins it, the subject being a name that story's titles hold and no other's, and
        used by at most ``name_background_df`` of the background's 3,463 articles
        (``events.attach_named``: the guests, outfits and gifts of one wedding). Groups of one
        or two articles only: the attach is made after the joins, and ``attach_size`` stays
        under ``owner_size``.
    owner_share : and only when that story holds this share or more of the other titles
        naming the subject within its window: a wedding's couple is named by the wedding's
        titles, a company (BYD, Danantara) by many of its events' titles. 0.8 chosen on the
        six labelled parts: 0 (no such condition) averaged 0.894, 0.6 0.897, 0.7 0.898, 0.8
        0.899; 0.9 loses the wedding's pieces (the tuned-on part 0.878 -> 0.852).
    topic_size, topic_share, topic_threshold : with ``events``, a group of ``topic_size``
        articles or more whose titles share no name, or only names of which it holds under
        ``topic_share`` of the titles naming them within its window (Iran and Israel in a
        war), is joined again from its pairs at profile cosine ``topic_threshold``
        (``events.split_topics``: a topic's pieces, not one event). Chosen on the tuned-on part
        (share 0.2 to 0.5 and cosine 0.75 or 0.8 all scored 0.865 to 0.879 there).
    half_life_hours : time after which the similarity of two articles has halved.
    window_days : articles further apart than this are never neighbours.
    block : articles compared with their window at a time (memory: ``block`` x the articles
        of the window, as floats, a few times over).
    threads : blocks compared at once, each in a thread (0: one per CPU, at most 4); the
        memory above is held once per thread. The same stories with any number.
    """

    enabled: bool = True
    threshold: float = 0.65
    neighbours: int = 20
    self_weight: float = 0.7
    floor: float = 0.1
    title_weight: int = 3
    lead_words: int = 120
    lead_decay: float = 40.0
    name_weight: float = 1.5
    name_ratio: float = 0.7
    events: bool = True
    column_overlap: float = 0.6
    owner_size: int = 3
    attach_size: int = 2
    name_background_df: int = 10
    owner_share: float = 0.8
    topic_size: int = 4
    topic_share: float = 0.5
    topic_threshold: float = 0.8
    half_life_hours: float = 48.0
    window_days: float = 4.0
    block: int = 256
    threads: int = 0


@dataclass(frozen=True)
class SummaryConfig:
    """Summaries.

    Parameters
    ----------
    sentences : how many sentences a summary has (fewer when the articles have fewer).
    lead_bonus : score added to an article's first sentence, ``lead_bonus / (1 + position)``
        for the others (1.0 chosen on 1,000 IndoSum dev articles: 0 scores ROUGE-1 47, 0.5
        scores 63, 1.0 and 2.0 score 65.5).
    max_overlap : a sentence whose content words overlap one already chosen by more than this
        (Jaccard of the word sets) says the same thing and is skipped.
    min_words, max_words : sentences shorter or longer than this are not used (captions,
        fragments, run-on lists).
    """

    sentences: int = 3
    lead_bonus: float = 1.0
    max_overlap: float = 0.4
    min_words: int = 6
    max_words: int = 60

"""The Whoosh schema for conversations, declared as a class, with a version.

Only what listings need is stored; texts are indexed, not stored (the store holds them and snippets are made
from it). Bump ``SCHEMA_VERSION`` when a field changes: an index of another version is rebuilt from the store.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema, SchemaClass

from threadscout.indexer.analysis import FastFrequency, FastPositions, name_analyzer, text_analyzer

SCHEMA_VERSION = 5


def _text(boost: float = 1.0, *, phrases: bool = True, stored: bool = False, names: bool = False) -> TEXT:
    """A text field analysed by ``TextAnalyzer``, with positions where phrases are searched for."""
    field = TEXT(analyzer=name_analyzer() if names else text_analyzer(), stored=stored, field_boost=boost,
                 phrase=phrases)
    field.format = (FastPositions if phrases else FastFrequency)(field_boost=boost)
    return field


class ConversationSchema(SchemaClass):
    url = ID(stored=True, unique=True)
    site = ID(stored=True)
    kind = ID(stored=True)
    title = _text(3.0, stored=True)
    text = _text(1.5)
    replies = _text(phrases=False)
    authors = _text(names=True)
    published = DATETIME(stored=True)
    last_activity = DATETIME(stored=True, sortable=True)
    n_replies = NUMERIC(stored=True, sortable=True)
    n_participants = NUMERIC(stored=True)
    sites = KEYWORD(lowercase=True)   # site:  the host, with its port, and its parent domains
    unanswered = ID()                 # is:unanswered  "yes" when nobody but the opening author replied
    question = ID()                   # is:question  "yes" when the opening post asks something
    state = ID()                      # state:answered, is:claimed ...  taking part (new when never set)
    moved = ID()                      # is:moved  "yes" when answered or skipped and replies came since


STEMMED = ("title", "text", "replies")


@lru_cache(maxsize=8)
def _schema(language: str) -> Schema:
    schema = copy.deepcopy(ConversationSchema())
    for name in STEMMED:
        schema[name].analyzer = text_analyzer(language)
    return schema


def conversation_schema(language: str = "en") -> Schema:
    """The schema with the texts stemmed for ``language`` (``mission.language``)."""
    return _schema(language)


def language_of(schema: Schema) -> str:
    """The language an index's texts were stemmed for."""
    return getattr(schema["text"].analyzer, "language", "en")

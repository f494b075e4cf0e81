"""The Whoosh schema for conversations, declared as a class, with a version.

Only what listings need is stored; texts are indexed, not stored (the store holds them and snippets are made
from it). Bump ``SCHEMA_VERSION`` when a field changes: an index of another version is rebuilt from the store.
"""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, SchemaClass

from threadscout.indexer.analysis import name_analyzer, text_analyzer

SCHEMA_VERSION = 3


class ConversationSchema(SchemaClass):
    url = ID(stored=True, unique=True)
    site = ID(stored=True)
    kind = ID(stored=True)
    title = TEXT(analyzer=text_analyzer(), stored=True, field_boost=3.0)
    text = TEXT(analyzer=text_analyzer(), field_boost=1.5)
    replies = TEXT(analyzer=text_analyzer())
    authors = TEXT(analyzer=name_analyzer())
    published = DATETIME(stored=True)
    last_activity = DATETIME(stored=True, sortable=True)
    n_replies = NUMERIC(stored=True, sortable=True)
    n_participants = NUMERIC(stored=True)
    sites = KEYWORD(lowercase=True)   # site:  the host, with its port, and its parent domains
    unanswered = ID()                 # is:unanswered  "yes" when nobody but the opening author replied
    question = ID()                   # is:question  "yes" when the opening post asks something

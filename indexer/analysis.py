"""The one analyzer chain, used for indexing and querying alike.

Accents are folded before stemming, so "resume" finds "résumés"; English stop words are dropped.
"""

from __future__ import annotations

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.analyzers import Analyzer
from whoosh.support.charset import accent_map


def text_analyzer() -> Analyzer:
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter() | StemFilter()


def name_analyzer() -> Analyzer:
    """Author names: words folded and lower-cased, not stemmed."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)

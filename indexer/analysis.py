"""The one analyzer, used for indexing, querying and highlighting alike, and the postings formats that use its
fast path.

Words are found as Whoosh's ``RegexTokenizer`` finds them, lower-cased, accent-folded (so "resume" finds
"résumés" and "cafe" finds "Café"), stop words dropped and the rest stemmed: the terms of Whoosh's chain
``RegexTokenizer | LowercaseFilter | CharsetFilter(accent_map) | StopFilter | StemFilter``. Whoosh runs that
chain as five nested generators, a few microseconds a word; indexing a conversation of 1,200 words spent more
time there than writing its postings. Here the words of a whole text are found by one ``re.findall`` and each
distinct word is folded and stemmed once per process (a cache), so indexing asks ``terms(text)`` for a plain list
and the postings formats below count it with ``Counter``. Called as a Whoosh analyzer (the query parser, the
highlighter), it yields the same terms as tokens.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Composable, Token
from whoosh.formats import Frequency, Positions
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.lang.porter import stem as porter_stem
from whoosh.analysis.filters import STOP_WORDS
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint

WORD = re.compile(r"[\w*]+(?:\.?[\w*]+)*", re.UNICODE)   # RegexTokenizer's default expression, without its group
MIN_SIZE = 2                                       # shorter words are dropped, as StopFilter does
_CACHE_LIMIT = 200_000                             # distinct words remembered per language and process


class TextAnalyzer(Composable):
    """Words for search: folded, stop words out, stemmed (``language``: a code of ``config.settings.LANGUAGES``; ``stem=False``
    for names, which are folded and lower-cased only, every word kept)."""

    def __init__(self, language: str = "en", stem: bool = True) -> None:
        self.language = language
        self.stem = stem

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TextAnalyzer) and (other.language, other.stem) == (self.language, self.stem)

    def __hash__(self) -> int:
        return hash((self.language, self.stem))

    def __repr__(self) -> str:
        return f"TextAnalyzer(language={self.language!r}, stem={self.stem})"

    # the per-word work, once per distinct word
    def _word(self) -> Callable[[str], str | None]:
        key = (self.language, self.stem)
        known = _WORDS.get(key)
        if known is None:
            known = _WORDS[key] = _word_function(self.language, self.stem)
        return known

    def terms(self, text: str) -> list[str]:
        """The terms of ``text`` in order, stop words left out."""
        word = self._word()
        found = [word(w) for w in WORD.findall(text)]
        return [t for t in found if t is not None]

    def located(self, text: str, near: Iterable[str] = ()) -> list[tuple[str, int, int]]:
        """The terms of ``text`` with where each word is: (term, start, end). With ``near`` (terms, or prefixes
        ending in ``*``), an ASCII text is only looked at where a word begins like one of them (a stem keeps
        the start of its word): most of a long text is skipped."""
        word = self._word()
        starts = _starts(frozenset(near)) if near and text.isascii() else None
        if starts is None:
            found = [(word(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]
        else:
            found = []
            for candidate in starts.finditer(text):
                m = WORD.match(text, candidate.start())
                if m:
                    found.append((word(m.group()), m.start(), m.end()))
        return [item for item in found if item[0] is not None]

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterator[Token]:
        word = self._word()
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        if not tokenize:
            matches: Any = [(value, 0, len(value))]
        elif chars:
            matches = ((m.group(), m.start(), m.end()) for m in WORD.finditer(value))
        else:
            matches = ((w, 0, 0) for w in WORD.findall(value))
        for original, start, end in matches:
            term = word(original)
            if term is None:
                if removestops:
                    continue
                token.stopped = True
                token.text = original.lower()
            else:
                token.stopped = False
                token.text = term
            if keeporiginal:
                token.original = original
            token.boost = 1.0
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token
            if not token.stopped:
                pos += 1


_WORDS: dict[tuple[str, bool], Callable[[str], str | None]] = {}


def _word_function(language: str, stem: bool) -> Callable[[str], str | None]:
    """word -> its term, or None for a stop word; remembered in a dict (a cache that is cleared when full)."""
    if stem:
        stemmer = porter_stem if language == "en" else stemmer_for_language(language)
        stops = STOP_WORDS if language == "en" else _stop_words(language)
        min_size = MIN_SIZE
    else:
        stemmer, stops, min_size = None, frozenset(), 1
    cache: dict[str, str | None] = {}

    def word(original: str) -> str | None:
        try:
            return cache[original]
        except KeyError:
            pass
        folded = original.lower().translate(accent_map)
        if len(folded) < min_size or folded in stops:
            term = None
        else:
            term = stemmer(folded) if stemmer else folded
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[original] = term
        return term

    return word


@lru_cache(maxsize=256)
def _starts(near: frozenset[str]) -> re.Pattern[str] | None:
    """Where a word may begin that analyses to one of ``near``: its first letters, case-insensitive. Porter's
    stemmer only rewrites the end of a word (at most its last two letters of what it keeps: happy -> happi)."""
    heads = set()
    for term in near:
        term = term.rstrip("*")
        if not term.isascii():
            return None
        heads.add(term[:max(2, len(term) - 2)])
    if not heads:
        return None
    return re.compile(r"(?<![\w*])(?<![\w*]\.)(?:" + "|".join(map(re.escape, sorted(heads))) + ")", re.IGNORECASE)


def _stop_words(language: str) -> frozenset[str]:
    try:
        return frozenset(stopwords_for_language(language))
    except (KeyError, ValueError, OSError):
        return frozenset()


def _terms(value: Any, analyzer: Any) -> list[str] | None:
    return analyzer.terms(value) if isinstance(analyzer, TextAnalyzer) and isinstance(value, str) else None


class FastFrequency(Frequency):
    """Whoosh's ``Frequency`` postings (no positions), counted from ``TextAnalyzer.terms`` in one pass."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Any:
        terms = _terms(value, analyzer)
        if terms is None:
            return super().word_values(value, analyzer, **kwargs)
        fb = self.field_boost
        return ((w, n, n * fb, pack_uint(n)) for w, n in Counter(terms).items())


class FastPositions(Positions):
    """Whoosh's ``Positions`` postings (phrases need them), gathered from ``TextAnalyzer.terms`` in one pass."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Any:
        terms = _terms(value, analyzer)
        if terms is None:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        where: dict[str, list[int]] = {}
        for pos, w in enumerate(terms):
            where.setdefault(w, []).append(pos)
        encode = self.encode
        for w, poslist in where.items():
            yield (w, len(poslist), len(poslist) * fb, encode(poslist))


def text_analyzer(language: str = "en") -> TextAnalyzer:
    return TextAnalyzer(language)


def name_analyzer() -> TextAnalyzer:
    """Author names: words folded and lower-cased, not stemmed."""
    return TextAnalyzer(stem=False)

"""Snippets: the part of a conversation's text where the query's words are densest, cut on word boundaries,
as plain text with the matched words' offsets (``highlights``) kept apart, so that each reader marks them its
own way (colour on a terminal, <mark> on a web page, nothing in a pipe)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

WIDTH = 220          # characters in a snippet, about two lines
LEAD = 50            # context kept before the first match
MAX_SCANNED = 60_000  # only the start of a very long text is looked at
ELLIPSIS = "…"


Located = Callable[[str, Iterable[str]], Iterable[tuple[str, int, int]]]   # TextAnalyzer.located


def make_snippet(body: str, words: Iterable[str], located: Located) -> tuple[str, list[tuple[int, int]]]:
    """``located(text, near)`` gives the analysed terms of a text with where each word is: (term, start, end)
    (``TextAnalyzer.located``); ``words`` are the matched terms as analysed."""
    text = " ".join(body[:MAX_SCANNED].split())
    found = spans(text, words, located)
    if not found:
        cut = _cut_end(text, min(len(text), WIDTH))
        return text[:cut] + (ELLIPSIS if cut < len(text) else ""), []
    best, best_count, j = 0, 0, 0
    for i, (start, _) in enumerate(found):       # the window that holds the most matches (matches are in order)
        j = max(j, i)
        while j < len(found) and found[j][1] <= start - LEAD + WIDTH:
            j += 1
        if j - i > best_count:
            best, best_count = i, j - i
    begin = max(0, found[best][0] - LEAD)
    if begin > 0:                                          # start at a word's beginning
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < found[best][0] else begin
    end = min(len(text), max(begin + WIDTH, found[best][1]))
    end = _cut_end(text, end, after=found[best][1]) if end < len(text) else end
    prefix = ELLIPSIS if begin > 0 else ""
    snippet = prefix + text[begin:end].strip() + (ELLIPSIS if end < len(text) else "")
    shift = len(prefix) - begin - (len(text[begin:end]) - len(text[begin:end].lstrip()))
    marks = [(s + shift, e + shift) for s, e in found if s >= begin and e <= end]
    return snippet, marks


def _cut_end(text: str, end: int, after: int = 0) -> int:
    """Back to the end of a word (never into the middle of one), not before ``after``; forward to the next
    space when there is none between (one very long word, such as a URL)."""
    if end >= len(text) or text[end] == " ":
        return end
    space = text.rfind(" ", after, end)
    if space > after:
        return space
    forward = text.find(" ", end)
    return forward if forward != -1 else len(text)


def spans(text: str, words: Iterable[str], located: Located) -> list[tuple[int, int]]:
    """Where the matched ``words`` (as analysed; ``tutor*`` for any ending) are in ``text``: [start, end)."""
    wanted = {w for w in words if not w.endswith("*")}
    prefixes = tuple(w[:-1] for w in words if w.endswith("*") and len(w) > 1)
    if not wanted and not prefixes:
        return []
    return [(start, end) for term, start, end in located(text, words)
            if term in wanted or (prefixes and term.startswith(prefixes))]


def highlighter(query: str, org_names: Sequence[str] = (), language: str = "en"
                ) -> Callable[[str], list[tuple[int, int]]]:
    """For ``show --query``: a function giving where a text matches the query's words."""
    from threadscout.indexer.querylang import words
    from threadscout.indexer.schema import conversation_schema

    schema = conversation_schema(language)
    found = words(schema, query, org_names)
    analyzer = schema["text"].analyzer
    return lambda text: spans(text, found, analyzer.located)


def snippet_maker(query: str, org_names: Sequence[str] = (), language: str = "en"
                  ) -> Callable[[str], tuple[str, list[tuple[int, int]]]]:
    """For alerts: a function giving a text's snippet around the query's words (``make_snippet``)."""
    from threadscout.indexer.querylang import words
    from threadscout.indexer.schema import conversation_schema

    schema = conversation_schema(language)
    found = words(schema, query, org_names)
    analyzer = schema["text"].analyzer
    return lambda body: make_snippet(body, found, analyzer.located)

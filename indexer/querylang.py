"""The query language people type, checked and turned into a Whoosh query.

Words are all required; ``OR``, ``NOT`` and ``-word``, parentheses, ``"exact phrase"``, ``"phrase"~N`` and
``word*`` work as Whoosh's parser reads them. The fields people use are translated to the index's:

    title:WORD        in the title
    site:HOST         the conversation's site, subdomains included, with or without a port
    author:NAME       anyone who takes part: the opening author or anyone who replied
    kind:post|thread|item
    after:DATE        last activity on or after DATE (2026-10-01, 2026-10, 2026, or 7d / 12h / 2w ago)
    before:DATE       last activity before DATE
    replies:>N        more than N replies (also >=N, <N, <=N, N)
    is:unanswered     nobody but the opening author has replied
    is:question       the opening post asks something
    is:ours           someone named in the mission's org_names takes part
    is:new|claimed|answered|skipped, state:STATE   taking part (`threadscout mark`)
    is:moved          answered or skipped, and replies came since

A query the parser would read differently from what was meant (an operator with nothing after it, a
parenthesis or quote left open, an unknown field) is refused with one line saying what and how to fix it; so is a
query people cannot have meant to type (over ``MAX_QUERY`` characters, a word over ``MAX_WORD``, parentheses and
NOTs nested over ``MAX_NESTING`` deep).

Reading a query takes time in proportion to its length, whatever it holds: Whoosh's parser is used with linear
versions of its three taggers that read ahead (fields, ranges, single quotes) and with ``And`` / ``Or`` whose hash
does not cancel out (Whoosh XORs the hashes of the parts, so ``word`` in four fields hashed alike for every word
and removing duplicates was quadratic in the number of words).
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher, ReadTooFar
from whoosh.qparser import syntax
from whoosh.qparser import (FieldsPlugin, MultifieldPlugin, OperatorsPlugin, PlusMinusPlugin, QueryParser,
                            RangePlugin, SingleQuotePlugin)

from threadscout.config.errors import QueryError
from threadscout.indexer.analysis import TextAnalyzer
from threadscout.indexer.reading import STATES
from threadscout.indexer.schema import language_of

TEXT_FIELDS = ["title", "text", "replies", "authors"]   # plain words: names of who takes part too
WORDS_ONLY = ("replies",)      # indexed without positions (the bulk of the text): a phrase needs its words there
FIELDS = ("title", "site", "author", "kind", "after", "before", "replies", "is", "state")
KINDS = ("post", "thread", "item")
IS_VALUES = ("unanswered", "question", "ours", "moved", *STATES)
_TOKEN = re.compile(r'[+-]?[A-Za-z_]+:"[^"]*"(?:~\d+)?|[+-]?"[^"]*"(?:~\d+)?|\(|\)|[^\s()"]+|"[^"]*$')
_SLOP = re.compile(r'^([+-]?"[^"]*")~(\d{1,3})$')
_FIELD = re.compile(r"^([+-]?)([A-Za-z_]+):(.*)$", re.DOTALL)
_AGO = re.compile(r"^(\d+)([hdwmy])$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_REPLIES = re.compile(r"^(>=|<=|>|<|=)?(\d{1,9})$")
_OPERATORS = {"AND", "OR", "NOT"}
_BARE = re.compile(r"^[+-]?[^\s():\"*?]+$")        # a word: no field, phrase, wildcard or parenthesis
MAX_QUERY = 1_000         # characters in a query people type (``check_typed``)
MAX_WORD = 200            # characters in one of its words (a URL fits)
MAX_NESTING = 20          # parentheses and NOTs inside each other
HINT = ('e.g. threadscout search \'"reading tutor" OR tutoring -bus site:example.org after:30d\'; '
        "see threadscout search --help")


def known_fields() -> str:
    return ", ".join(f"{name}:" for name in FIELDS)


def _stamp(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y%m%d%H%M%S")


def _date(value: str, field: str, now: datetime) -> tuple[str, str]:
    """A date as the index's range bounds: (its first second, its last second); a time ago: that moment."""
    ago = _AGO.match(value)
    if ago:
        n, unit = int(ago.group(1)), ago.group(2).lower()
        try:
            delta = {"h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n),
                     "m": timedelta(days=30 * n), "y": timedelta(days=365 * n)}[unit]
            moment = now - delta
        except OverflowError:
            raise QueryError(f"{field}:{value} is too long ago") from None
        return _stamp(moment), _stamp(moment)
    match = _DATE.match(value)
    if not match:
        raise QueryError(f"{field}:{value} is not a date: use 2026-10-01, 2026-10, 2026 or a time ago like 7d, "
                         f"12h, 2w")
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    try:
        start = datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:
        raise QueryError(f"{field}:{value} is not a date on the calendar") from None
    try:
        if match.group(3):
            end = start + timedelta(days=1)
        elif match.group(2):
            end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=timezone.utc)
        else:
            end = datetime(year + 1, 1, 1, tzinfo=timezone.utc)
    except (ValueError, OverflowError):
        raise QueryError(f"{field}:{value} is beyond the calendar") from None
    return _stamp(start), _stamp(end - timedelta(seconds=1))    # the last second of the day, month or year


def site_terms(host: str, port: int | None) -> list[str]:
    """What ``site:`` matches for a conversation: its host, with its port, and each parent domain (not a bare
    top-level domain)."""
    host = host.lower().rstrip(".")
    terms = [host] + ([f"{host}:{port}"] if port else [])
    parts = host.split(".")
    if not host.replace(".", "").isdigit():          # an IP address has no parent domains
        terms += [".".join(parts[i:]) for i in range(1, len(parts) - 1)]
    return list(dict.fromkeys(terms))


def _quote(value: str) -> str:
    return "'" + value.replace("'", "") + "'"


def _translate(token: str, org_names: Sequence[str], now: datetime) -> str:
    """One ``field:value`` token in the index's terms; other tokens as they are."""
    if token.startswith("-") and len(token) > 1:       # Whoosh's minus fails inside parentheses: NOT does not
        rest = token.lstrip("-") or "-"                 # NOT NOT cancels out (Whoosh cannot read it)
        return "NOT " * ((len(token) - len(rest)) % 2) + _translate(rest, org_names, now)
    slop = _SLOP.match(token)
    if slop:           # "a b"~N: up to N words between (Whoosh's slop counts positions: adjacent is 1)
        return f"{slop.group(1)}~{int(slop.group(2)) + 1}"
    match = _FIELD.match(token)
    if not match:
        return _with_hashtag(token)
    sign, name, value = match.group(1), match.group(2).lower(), match.group(3)
    phrase_slop = re.match(r'^("[^"]*")~(\d{1,3})$', value)
    if phrase_slop and name in ("title", "author"):
        value = f"{phrase_slop.group(1)}~{int(phrase_slop.group(2)) + 1}"
    if name in ("http", "https") and value.startswith("//"):
        return sign + _quote(token[len(sign):])              # a URL typed as words
    if name not in FIELDS:
        raise QueryError(f"unknown field {name}: in the query; the fields are {known_fields()}")
    if not value:
        raise QueryError(f"{name}: needs a value right after it (no space), e.g. {name}:"
                         + {"title": "tutors", "site": "example.org", "author": "maria", "kind": "thread",
                            "after": "7d", "before": "2026-10-01", "replies": ">5", "is": "unanswered",
                            "state": "claimed"}[name])
    unquoted = value[1:-1] if len(value) > 1 and value.startswith('"') and value.endswith('"') else value
    if name == "title":
        return f"{sign}title:{value}"
    if name == "site":
        return f"{sign}sites:{_quote(unquoted.lower().removeprefix('www.').rstrip('/'))}"
    if name == "author":
        return f"{sign}authors:{value}"
    if name == "kind":
        if unquoted.lower() not in KINDS:
            raise QueryError(f"kind:{value} is not a kind: use {', '.join('kind:' + k for k in KINDS)}")
        return f"{sign}kind:{unquoted.lower()}"
    if name in ("after", "before"):
        start, end = _date(unquoted, name, now)
        return f"{sign}last_activity:[{start} to]" if name == "after" else f"{sign}last_activity:[to {end}]"
    if name == "replies":
        found = _REPLIES.match(unquoted.replace(" ", ""))
        if not found:
            raise QueryError(f"replies:{value} is not a count: use replies:>5, replies:>=2, replies:<3 or replies:0")
        op, n = found.group(1) or "=", int(found.group(2))
        return sign + {">": f"n_replies:{{{n} to]", ">=": f"n_replies:[{n} to]", "<": f"n_replies:[to {n}}}",
                       "<=": f"n_replies:[to {n}]", "=": f"n_replies:{n}"}[op]
    value = unquoted.lower()
    if name == "state" or value in STATES:
        if value not in STATES:
            raise QueryError(f"state:{unquoted} is not a state: use {', '.join('state:' + s for s in STATES)}")
        return f"{sign}state:{value}"
    if value not in IS_VALUES:
        raise QueryError(f"is:{unquoted} is not known: use {', '.join('is:' + v for v in IS_VALUES)}")
    if value == "ours":
        if not org_names:
            raise QueryError("is:ours needs the organisation's names: add org_names = [\"...\"] to [mission] in "
                             "the configuration")
        names = " OR ".join(_ours(n) for n in org_names)
        return f"{sign}({names})"
    return f"{sign}{value}:yes"


def _with_hashtag(token: str) -> str:
    """A phrase of two to four words finds its hashtag too: "adult literacy" is also #AdultLiteracy (one word to
    the index), as Mastodon and others write it."""
    sign = token[0] if token[:1] in "+-" else ""
    phrase = token[len(sign):]
    if not (len(phrase) > 2 and phrase.startswith('"') and phrase.endswith('"')):
        return token
    words = phrase[1:-1].split()
    if not 2 <= len(words) <= 4 or not all(w.isalnum() for w in words) or len("".join(words)) > 100:
        return token
    return f"{'NOT ' if sign == '-' else sign}({phrase} OR {''.join(words).lower()})"


def _ours(name: str) -> str:
    """Who ``is:ours`` looks for: the name as people write it, and as a platform's account name writes it
    ("Riverside Literacy" is also @riversideliteracy@mastodon.social, u/riverside_literacy)."""
    words = re.findall(r"\w+", name.lower())
    forms = [f'authors:"{name.replace(chr(34), "")}"']
    if len(words) > 1:
        forms += [f"authors:{''.join(words)}", f"authors:{'_'.join(words)}"]
    return " OR ".join(forms)


def check_typed(query: str) -> None:
    """Refuse, in one line, a query longer than people type (``MAX_QUERY`` characters, a word over ``MAX_WORD``)
    before any work is done on it."""
    longest = max(query.split(), key=len, default="")
    if len(longest) > MAX_WORD:
        raise QueryError(f"a word of the query is too long ({len(longest):,} characters, {longest[:20]!r}...; at "
                         f"most {MAX_WORD}): shorten it, or use the start of it with a * (e.g. tutor*)")
    if len(query) > MAX_QUERY:
        raise QueryError(f"the query is too long ({len(query):,} characters; at most {MAX_QUERY:,}): "
                         "use fewer words")


def _nots(token: str) -> int:
    """How many NOTs a token adds: ``NOT`` one, ``--word`` two, ``-NOT`` two."""
    if token in _OPERATORS:
        return token == "NOT"
    return len(token) - len(token.lstrip("-")) + (token.lstrip("-") == "NOT")


def _negations(tokens: list[str]) -> list[str]:
    """The NOTs and minus signs before each word or group as one NOT or none: NOT NOT cancels out (Whoosh cannot
    read it)."""
    out: list[str] = []
    pending: list[str] = []
    for i, token in enumerate(tokens):
        rest = token.lstrip("-")
        if token == "NOT" or rest == "NOT":
            pending.append(token)
            continue
        if not rest:                                  # minus signs alone: before a group, they negate it
            if tokens[i + 1:i + 2] == ["("]:          # (-(a OR b)); elsewhere a dash between words is no word
                pending.append(token)
            continue
        nots = sum(map(_nots, pending)) + len(token) - len(rest)
        out += ["NOT", rest] if nots % 2 else [rest]
        pending = []
    return out + pending


def _nesting(tokens: list[str]) -> None:
    """Refuse parentheses and NOTs inside each other more than ``MAX_NESTING`` deep: each is a level of recursion
    in Whoosh's parser."""
    nested, opened, nots = 0, [], 0
    for token in tokens:
        nots += _nots(token)
        if token == "(":
            opened.append(nots + 1)
            nested, nots = nested + nots + 1, 0
        elif token == ")" and opened:
            nested -= opened.pop()
        if nested + nots > MAX_NESTING:
            raise QueryError(f"the query nests parentheses and NOTs more than {MAX_NESTING} deep: write it more "
                             f"simply; {HINT}")
        if token.lstrip("-") not in ("", "NOT"):     # a word (or a group) takes the NOTs before it
            nots = 0


def _check(tokens: list[str], query: str) -> None:
    depth = 0
    for i, token in enumerate(tokens):
        if token.lstrip("+-").startswith('"') and not re.match(r'^[+-]?"[^"]*"(~\d+)?$', token):
            raise QueryError(f"a double quote is not closed in {query!r}: close the phrase, e.g. \"reading tutor\"")
        depth += token == "("
        depth -= token == ")"
        if depth < 0:
            raise QueryError(f"a ')' closes nothing in {query!r}; {HINT}")
        if token in _OPERATORS:
            before = tokens[i - 1] if i else None
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is None or after in _OPERATORS or after == ")":
                raise QueryError(f"{token} needs a word after it in {query!r}; {HINT}")
            if token != "NOT" and (before is None or before in _OPERATORS or before == "("):
                raise QueryError(f"{token} needs a word before it in {query!r}; {HINT}")
    if depth > 0:
        raise QueryError(f"a '(' is not closed in {query!r}; {HINT}")


def words(schema: Any, query: str, org_names: Sequence[str] = ()) -> set[str]:
    """The analysed words a query looks for in texts (not what it leaves out), for highlighting."""
    return sought(parse(schema, query, org_names=org_names))


def sought(parsed: Any) -> set[str]:
    """The analysed words a parsed query looks for in texts (not what it leaves out)."""
    found: set[str] = set()

    def walk(q: Any) -> None:
        if isinstance(q, wq.Not):
            return
        if isinstance(q, wq.AndNot):
            walk(q.a)
            return
        if isinstance(q, (wq.Term, wq.Phrase, wq.Prefix, wq.Wildcard)) or not hasattr(q, "children"):
            for field, text in q.iter_all_terms() if hasattr(q, "iter_all_terms") else ():
                if field in TEXT_FIELDS:
                    found.add(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
            if isinstance(q, wq.Prefix) and q.fieldname in TEXT_FIELDS:
                found.add(q.text + "*")
            return
        for child in q.children():
            walk(child)

    walk(parsed)
    return found


class _SortedIds(ListMatcher):
    """Whoosh's list matcher, skipping ahead by bisection instead of one document at a time."""

    def skip_to(self, id: int) -> None:  # noqa: A002 - Whoosh's name
        if not self.is_active():
            raise ReadTooFar
        if id > self._ids[self._i]:
            self._i = bisect_left(self._ids, id, self._i)


class ColumnRange(wq.NumericRange):
    """``last_activity`` between two moments, answered from the field's column (one fixed-size value per
    document, read in one piece) instead of Whoosh's tiered terms: a range of dates was an OR of hundreds of
    terms, 2 to 4 seconds at 100,000 conversations."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not reader.has_column(self.fieldname):
            return super().matcher(searcher, context)
        column = reader.column_reader(self.fieldname, translate=False)
        values = _column_values(column, reader.doc_count_all())
        low, high = self.start, self.end
        missing = getattr(column, "_default", None)          # documents without a date hold the default
        ids = [i for i, v in enumerate(values)
               if v != missing and (low is None or v > low or (v == low and not self.startexcl))
               and (high is None or v < high or (v == high and not self.endexcl))]
        if reader.has_deletions():         # copies replaced since: Whoosh's postings leave them out, so here too
            ids = [i for i in ids if not reader.is_deleted(i)]
        return _SortedIds(ids, all_weights=self.boost) if ids else NullMatcher()

    def estimate_size(self, ixreader: Any) -> int:
        return ixreader.doc_count_all()


def _column_values(column: Any, doccount: int) -> list[int]:
    """A numeric column's values, read in one piece where Whoosh keeps them as a plain array (its
    ``NumericColumn``: big-endian fixed-size values from ``_basepos``)."""
    try:
        typecode, fixed, count = column._typecode, column._fixedlen, column._count  # noqa: SLF001
        raw = column._dbfile.get(column._basepos, fixed * count)                   # noqa: SLF001
        values = array(typecode)
        values.frombytes(bytes(raw))
        if sys.byteorder == "little":
            values.byteswap()
        return values.tolist() + [column._default] * (doccount - count)            # noqa: SLF001
    except (AttributeError, ValueError, TypeError):
        return list(column)


def _column_ranges(q: Any) -> Any:
    if type(q) in (wq.NumericRange, wq.DateRange) and q.fieldname == "last_activity":
        return ColumnRange(q.fieldname, q.start, q.end, q.startexcl, q.endexcl, boost=q.boost)
    return q


def _phrase_as_words(q: Any) -> Any:
    """A phrase in a field kept without positions: all of its words in that field."""
    if isinstance(q, wq.Phrase) and q.fieldname in WORDS_ONLY:
        return wq.And([wq.Term(q.fieldname, w, boost=q.boost) for w in q.words])
    return q


def parse(schema: Any, query: str, *, org_names: Sequence[str] = (), exclude: Sequence[str] = (),
          now: datetime | None = None) -> Any:
    """The Whoosh query for what a person typed; ``exclude`` phrases are left out of every result."""
    now = now or datetime.now(timezone.utc)
    tokens = _TOKEN.findall(query)
    if not tokens:
        raise QueryError("the query is empty: give words to look for, e.g. threadscout search \"adult literacy\"")
    _nesting(tokens)
    terms = getattr(schema["text"].analyzer, "terms", None) or TextAnalyzer(language_of(schema)).terms
    # a plain word the texts do not index (a stop word such as "to") is left out, not looked for in names
    # only; unless leaving it out would strand an operator ("it OR computer"): then the query is read as typed
    kept = [t for t in tokens if not _BARE.match(t) or t in _OPERATORS or not t.strip("+-") or terms(t.lstrip("+-"))]
    if kept and kept != tokens:
        try:
            _check(kept, query)
            tokens = kept
        except QueryError:
            pass
    _check(tokens, query)
    text = " ".join(_translate(t, org_names, now) for t in _negations(tokens))
    try:
        parsed = _whoosh_parse(_parser(schema, _AndGroup), text)
    except Exception as exc:  # noqa: BLE001 - whoosh raises assorted errors for odd syntax
        raise QueryError(f"cannot understand the query {query!r} ({exc}); {HINT}") from None
    if parsed is wq.NullQuery:
        raise QueryError(f"nothing to look for in {query!r} (only common words?); {HINT}")
    parsed = parsed.accept(_phrase_as_words).accept(_column_ranges)
    if exclude:
        excluded = _whoosh_parse(_parser(schema, _OrGroup),
                                 " OR ".join('"' + phrase.replace('"', "") + '"' for phrase in exclude))
        parsed = wq.AndNot(parsed, excluded.accept(_phrase_as_words))
    return parsed


# -- Whoosh's parser, in linear time ---------------------------------------------------------------------------
class _Hashed:
    """A compound query hashed from its parts in order: Whoosh XORs their hashes, so that ``Or(title:w, text:w,
    replies:w, authors:w)`` hashed the same for every word ``w`` (``w`` four times cancels out) and removing
    duplicates from a query of many words compared each with every other."""

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.boost, *self.subqueries))  # type: ignore[attr-defined]


class _And(_Hashed, wq.And):
    pass


class _Or(_Hashed, wq.Or):
    pass


class _AndGroup(syntax.AndGroup):
    qclass = _And


class _OrGroup(syntax.OrGroup):
    qclass = _Or


def _hashed(q: Any) -> Any:
    """``q`` with every ``And`` and ``Or`` as ``_And`` and ``_Or`` (the plus/minus plugin makes plain ones)."""
    if type(q) is wq.And:
        q = _And(q.subqueries, boost=q.boost)
    elif type(q) is wq.Or:
        q = _Or(q.subqueries, boost=q.boost, minmatch=q.minmatch, scale=q.scale)
    return q.apply(_hashed)


# Whoosh tries each tagger at every character that no tagger took. Its field tagger (``\w+:``) then read to the
# end of the word each time: tried where a word begins only, it finds the same fields. Its range and single-quote
# taggers read ahead lazily to the end of the query: here a range's ends are one word each (as ``_translate``
# writes them) and a quoted text holds no quote.
_FIELD_TAG = r"(?P<text>(?<!\w)\w+|[*]):"
_RANGE_TAG = re.compile(r"(?P<open>\{|\[)(?P<start>'[^']*'\s+|[^\s\[\]{}']+\s+)?[Tt][Oo]"
                        r"(?P<end>\s+'[^']*'|\s+[^\s\[\]{}']+)?(?P<close>}|])")
_QUOTED_TAG = r"(^|(?<=\W))'(?P<text>[^']*)'(?=\s|\]|[)}]|$)"


def _parser(schema: Any, group: type) -> QueryParser:
    """Whoosh's multifield parser with the linear taggers; AND, OR and NOT only (ANDNOT, ANDMAYBE and REQUIRE
    are words: they nest a level for each one, and nobody is told of them)."""
    parser = QueryParser(None, schema, group=group)
    parser.add_plugin(MultifieldPlugin(TEXT_FIELDS, group=_OrGroup))
    parser.add_plugin(PlusMinusPlugin())
    parser.replace_plugin(FieldsPlugin(expr=_FIELD_TAG))
    parser.replace_plugin(RangePlugin(expr=_RANGE_TAG))
    parser.replace_plugin(SingleQuotePlugin(expr=_QUOTED_TAG))
    tag = OperatorsPlugin.OpTagger
    parser.replace_plugin(OperatorsPlugin(clean=True, ops=[
        (tag(r"(^|(?<=(\s|[()])))NOT(?=\s)", syntax.NotGroup, syntax.PrefixOperator, memo="not"), 0),
        (tag(r"(?<=\s)AND(?=\s)", _AndGroup, memo="and"), 0),
        (tag(r"(?<=\s)OR(?=\s)", _OrGroup, memo="or"), 0)]))
    return parser


def _whoosh_parse(parser: QueryParser, text: str) -> Any:
    parsed = parser.parse(text, normalize=False)
    return _hashed(parsed).normalize() if parsed else wq.NullQuery

"""Validated, frozen settings: defaults, then the user's TOML file, then environment variables.

Unknown keys are errors (a typo should not be silently ignored); every error names the file and the key.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from threadscout.config.errors import ConfigError

SourceKind = Literal["feed", "site", "forum", "query",
                     "mastodon", "lemmy", "discourse", "hackernews", "stackexchange", "reddit"]
# platform sources: searched through the platform's public API for the mission's keywords (crawler/platforms/)
PLATFORM_KINDS: tuple[str, ...] = ("mastodon", "lemmy", "discourse", "hackernews", "stackexchange", "reddit")
SOURCE_KINDS: tuple[str, ...] = ("feed", "site", "forum", "query", *PLATFORM_KINDS)
DEFAULT_BACKFILL = timedelta(days=30)        # how far back a platform source's first crawl searches
DEFAULT_MAX_THREADS = 500                    # threads a platform source reads in one crawl
CONFIG_ENV = "THREADSCOUT_CONFIG"
_NAME_MAX, _PATH_MAX = 255, 4096          # bytes in one name of a path, and in a whole path (Linux; others: less)
DEFAULT_CONFIG_NAME = "threadscout.toml"

_DURATION_PART = re.compile(r"(\d+)\s*([smhd])")
_DURATION_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$", re.IGNORECASE)
MAX_DURATION = timedelta(days=36_500)        # a hundred years: any date plus or minus it is still a date
MAX_SIZE = 2**50                             # a pebibyte: more than any response or feed
_SIZE_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def _shown(value: object) -> str:
    """A value as an error message shows it: its repr, cut to a line's worth."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:30] + "..." + shown[-6:]


def parse_duration(text: str) -> timedelta:
    """``"30s"``, ``"15m"``, ``"6h"``, ``"1d"`` or combinations such as ``"1h30m"`` -> timedelta."""
    if not isinstance(text, str):
        raise ValueError(f'{text!r} is not a duration; write it as a string like "30s", "15m", "6h" or "1d"')
    compact = text.strip().lower()
    parts = _DURATION_PART.findall(compact)
    if not compact or not parts or _DURATION_PART.sub("", compact).strip():
        raise ValueError(f"{text!r} is not a duration; write it like 30s, 15m, 6h or 1d")
    delta = timedelta()
    for number, unit in parts:
        if len(number.lstrip("0")) > 12:                   # past any timedelta (and int()'s digit limit)
            raise ValueError(f"{_shown(text)} is too long; at most {MAX_DURATION.days:,} days (100 years)")
        try:
            delta += timedelta(**{_DURATION_UNITS[unit]: int(number)})
        except OverflowError:
            raise ValueError(f"{_shown(text)} is too long; at most {MAX_DURATION.days:,} days (100 years)") from None
    if delta <= timedelta():
        raise ValueError(f"{text!r} must be longer than zero")
    if delta > MAX_DURATION:       # a moment that far ahead or back is past what dates can hold
        raise ValueError(f"{_shown(text)} is too long; at most {MAX_DURATION.days:,} days (100 years)")
    return delta


def parse_size(value: int | str) -> int:
    """A byte count, or ``"10MB"`` / ``"512 KiB"`` -> bytes."""
    if isinstance(value, bool):
        raise ValueError("must be a size such as 10MB")
    if isinstance(value, int):
        if value > MAX_SIZE:
            raise ValueError(f"{_shown(value)} is too large; at most 1PiB")
        number, unit = float(value), "b"
    else:
        match = _SIZE.match(value)
        if not match:
            raise ValueError(f"{value!r} is not a size; write it like 10MB or 512KiB")
        if len(match.group(1)) > 30:
            raise ValueError(f"{_shown(value)} is too large; at most 1PiB")
        number, unit = float(match.group(1)), (match.group(2) or "b").lower()
    if number * _SIZE_UNITS[unit] > MAX_SIZE:
        raise ValueError(f"{_shown(value)} is too large; at most 1PiB")
    size = int(number * _SIZE_UNITS[unit])
    if size <= 0:
        raise ValueError("must be larger than zero")
    return size


# the languages Whoosh has a stemmer for (checked against Whoosh by tests/test_config.py): mission.language
LANGUAGES = ("ar", "da", "de", "en", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "ru", "sv")


@dataclass(frozen=True)
class Mission:
    name: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    org_names: tuple[str, ...] = ()
    language: str = "en"       # which stemmer and stop words search uses (an ISO 639-1 code of LANGUAGES)


@dataclass(frozen=True)
class SearchSettings:
    half_life: timedelta = timedelta(days=30)   # recency: a conversation this old counts half as recent


@dataclass(frozen=True)
class CrawlSettings:
    user_agent_contact: str | None = None   # a URL or e-mail address where sites can reach the operator
    concurrency_per_site: int = 2
    delay: timedelta = timedelta(seconds=1)
    download_timeout: timedelta = timedelta(seconds=30)
    max_response_size: int = 10 * 10**6
    max_feed_size: int = 5 * 10**6
    max_redirects: int = 5
    max_pages: int = 200          # per site source and crawl
    depth: int = 2                # link hops from a site source's start page
    every: timedelta = timedelta(hours=6)
    autothrottle: bool = True
    max_items_per_feed: int = 1000    # a longer feed keeps its newest items (as FreshRSS does)
    max_conversations: int = 5000     # per source and crawl: new and updated conversations it may bring
    max_memory: int = 1024 * 2**20    # the crawl stops when it needs more (Scrapy's MEMUSAGE_LIMIT_MB)


@dataclass(frozen=True)
class Source:
    url: str
    kind: SourceKind | None = None    # None: detected from the first response
    every: timedelta | None = None    # None: [crawl] every
    depth: int | None = None          # None: [crawl] depth; 0 fetches only this page
    max_pages: int | None = None      # None: [crawl] max_pages
    allow: tuple[str, ...] = ()       # regular expressions: only links matching one are followed (none: all)
    deny: tuple[str, ...] = ()        # regular expressions: links matching one are never followed
    backfill: timedelta | None = None    # platform sources: how far back the first crawl searches (None: 30 days)
    max_threads: int | None = None       # platform sources: threads read in one crawl (None: 500)
    # not from the configuration: the conversation this URL re-reads for `threadscout run` (its comment feed, or
    # its last page and those after it; no other link followed; never recorded as a watched source)
    refresh_of: str | None = None
    # not from the configuration: its last crawl was cut short, so it is read again without conditional GET
    fresh: bool = False
    # not from the configuration: with ``refresh_of``, the platform thread re-read (a platform source's kind)
    thread: str | None = None


DIGESTS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


@dataclass(frozen=True)
class SavedSearch:
    """A named query whose new matches are sent to ``notify`` (Apprise URLs): one message per conversation, or
    one ``digest`` per period; a new search alerts only what was active within ``backfill``."""

    name: str
    query: str
    notify: tuple[str, ...] = ()
    digest: timedelta | None = None              # None: one message per conversation
    backfill: timedelta = timedelta(days=7)


@dataclass(frozen=True)
class Settings:
    file: Path
    mission: Mission
    data_dir: Path
    database_url: str
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    sources: tuple[Source, ...] = ()
    saved_searches: tuple[SavedSearch, ...] = ()
    search: SearchSettings = field(default_factory=SearchSettings)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"


_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")   # underscores: seen in real host names


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be crawled (one line for people), or None. Checked fully where URLs come in, so that
    a bad one never reaches the crawler."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return f"{url!r} contains a space or a control character; write a space in a URL as %20"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        return f"{url!r} is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http(s) URL (only http and https are fetched)"
    host = parts.hostname
    if parts.netloc.rpartition("@")[2].startswith("["):
        return None    # an IPv6 literal: urlsplit checked it
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return f"{url!r} has a host name that cannot be used ({host!r})"
    if not ascii_host or not all(_HOST_LABEL.match(label) for label in ascii_host.split(".")):
        return f"{url!r} has a host name that cannot be used ({host!r})"
    return None


PROJECT_URL = "https://pypi.org/project/threadscout/"
_EMAIL = re.compile(r"^(?:mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$")


def contact_problem(crawl: CrawlSettings) -> str | None:
    """Why ``[crawl] user_agent_contact`` will not let a site reach whoever runs the crawler, or None."""
    contact = crawl.user_agent_contact
    if not contact:
        return ("[crawl] user_agent_contact is not set: sites cannot tell who is crawling them; "
                "add a contact URL or e-mail address to the configuration")
    parts = urlsplit(contact)
    if (parts.scheme in ("http", "https") and parts.hostname) or _EMAIL.match(contact):
        return None
    return (f"[crawl] user_agent_contact {contact!r} is neither a URL nor an e-mail address: "
            "sites cannot reach you; give one of those")


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--config``, then ``$THREADSCOUT_CONFIG``, then ``./threadscout.toml``."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    return Path(DEFAULT_CONFIG_NAME)


def load_settings(path: str | os.PathLike[str] | None = None, *, text: str | None = None) -> Settings:
    """Read and validate a configuration file (or ``text`` standing for its contents)."""
    file = find_config(path)
    name = str(file)
    if text is None:
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(name, None, "no such file (give one with --config or THREADSCOUT_CONFIG; "
                                          "`threadscout demo` needs none)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(name, None, f"cannot be read: {exc}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(name, None, f"is not valid TOML: {exc}") from None
    except RecursionError:       # tomllib reads nested arrays and tables by recursion
        raise ConfigError(name, _deepest_key(text), "nests arrays or tables too deeply to be read (thousands "
                                                    "of levels); write the value flat") from None
    return _Reader(name, file.resolve().parent).settings(raw)


_KEY_LINE = re.compile(r"^\s*(\[\[?)?\s*([A-Za-z0-9_.\-\"' ]+?)\s*(\]\]?|=)")


def _deepest_key(text: str) -> str | None:
    """The key whose value opens the most brackets and braces (strings not told apart: a guess, for a message
    only), as ``table.key``; or None."""
    table, best, deepest = "", None, 0
    for line in text.splitlines():
        found = _KEY_LINE.match(line)
        if found and found.group(1) and found.group(3).startswith("]"):
            table = found.group(2).strip()
            continue
        depth = deepest_here = 0
        for char in line:
            depth += char in "[{"
            depth -= char in "]}"
            deepest_here = max(deepest_here, depth)
        if found and found.group(3) == "=" and deepest_here > deepest:
            key = found.group(2).strip()
            best, deepest = f"{table}.{key}" if table else key, deepest_here
    return best


class _Reader:
    """Walks the parsed TOML, checking each key and naming it in every error."""

    def __init__(self, file: str, base: Path) -> None:
        self.file, self.base = file, base

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(self.file, key, problem)

    def table(self, raw: dict[str, Any], key: str, allowed: set[str], *, required: bool = False) -> dict[str, Any]:
        value = raw.get(key)
        if value is None:
            if required:
                raise self.fail(key, f"missing: add a [{key}] table")
            return {}
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        self.only(value, key, allowed)
        return value

    def only(self, value: dict[str, Any], where: str, allowed: set[str]) -> None:
        for key in value:
            if key not in allowed:
                raise self.fail(f"{where}.{key}" if where else key, f"unknown key (known: {', '.join(sorted(allowed))})")

    def string(self, value: Any, key: str, *, required: bool = False, default: str | None = None) -> str | None:
        if value is None:
            if required:
                raise self.fail(key, "missing")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(key, "must be a non-empty string")
        return value.strip()

    def strings(self, value: Any, key: str, *, required: bool = False) -> tuple[str, ...]:
        if value is None:
            if required:
                raise self.fail(key, "missing: give a list of strings")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, 'must be a list of non-empty strings, e.g. ["adult literacy"]')
        if required and not value:
            raise self.fail(key, "must not be empty")
        return tuple(v.strip() for v in value)

    def integer(self, value: Any, key: str, default: int | None, *, minimum: int = 0) -> int | None:
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(key, f"must be a whole number of at least {minimum}")
        return value

    def converted(self, value: Any, key: str, default: Any, convert: Any) -> Any:
        if value is None:
            return default
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail(key, "has the wrong type")
        try:
            return convert(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def url(self, value: Any, key: str) -> str:
        url = self.string(value, key, required=True)
        assert url is not None
        problem = url_problem(url)
        if problem:
            raise self.fail(key, problem)
        return url

    def folder(self, value: Any, key: str, default: str) -> Path:
        """A folder for the data, relative to the configuration file: one the system can name (no control
        character, each part at most ``NAME_MAX`` bytes, the whole at most ``PATH_MAX``) and not a file."""
        text = self.string(value, key, default=default) or default
        if any(ord(c) < 32 or ord(c) == 127 for c in text):
            raise self.fail(key, f"{text[:60]!r} contains a control character; give a folder's name")
        path = Path(text).expanduser()
        folder = path if path.is_absolute() else self.base / path
        try:
            encoded = os.fsencode(folder)
        except UnicodeError:
            raise self.fail(key, f"{text[:60]!r} cannot be a file name on this system") from None
        longest = max((len(os.fsencode(part)) for part in folder.parts), default=0)
        if longest > _NAME_MAX or len(encoded) > _PATH_MAX:
            raise self.fail(key, f"is too long to be a folder ({len(text):,} characters; at most {_NAME_MAX} bytes "
                                 f"for each name in it and {_PATH_MAX:,} in all)")
        try:
            is_file = folder.exists() and not folder.is_dir()
        except (OSError, ValueError) as exc:
            raise self.fail(key, f"cannot be used as a folder: {exc}") from None
        if is_file:
            raise self.fail(key, f"{folder} is a file; give a folder for the database and index")
        return folder

    def settings(self, raw: dict[str, Any]) -> Settings:
        self.only(raw, "", {"mission", "storage", "crawl", "search", "source", "saved_search"})
        mission = self.mission(self.table(raw, "mission", {"name", "keywords", "exclude", "org_names", "language"},
                                          required=True))
        storage = self.table(raw, "storage", {"path", "url"})
        data_dir = self.folder(storage.get("path"), "storage.path", "data")
        db_url = self.string(storage.get("url"), "storage.url") or f"sqlite:///{data_dir / 'threadscout.db'}"
        if storage.get("url") is not None:      # ours (sqlite:///PATH) needs no check, nor SQLAlchemy loaded
            if any(ord(c) < 32 or ord(c) == 127 for c in db_url):
                raise self.fail("storage.url", "contains a control character; give a database URL")
            try:
                from sqlalchemy.engine import make_url

                make_url(db_url)
            except Exception as exc:  # sqlalchemy.exc.ArgumentError and friends
                raise self.fail("storage.url", f"is not a database URL ({exc})") from None
        crawl = self.crawl(self.table(raw, "crawl", set(CrawlSettings.__dataclass_fields__)))
        sources = self.sources(raw.get("source", []))
        searches = self.saved_searches(raw.get("saved_search", []))
        search = self.table(raw, "search", {"half_life"})
        half_life = self.converted(search.get("half_life"), "search.half_life", SearchSettings.half_life,
                                   parse_duration)
        return Settings(file=Path(self.file), mission=mission, data_dir=data_dir, database_url=db_url,
                        crawl=crawl, sources=sources, saved_searches=searches,
                        search=SearchSettings(half_life=half_life))

    def mission(self, t: dict[str, Any]) -> Mission:
        name = self.string(t.get("name"), "mission.name", required=True)
        assert name is not None
        language = (self.string(t.get("language"), "mission.language", default="en") or "en").strip().lower()
        if language not in LANGUAGES:
            raise self.fail("mission.language", f"{language!r} is not a language search can stem; use one of "
                                                f"{', '.join(LANGUAGES)}")
        return Mission(name=name, keywords=self.strings(t.get("keywords"), "mission.keywords", required=True),
                       exclude=self.strings(t.get("exclude"), "mission.exclude"),
                       org_names=self.strings(t.get("org_names"), "mission.org_names"), language=language)

    def crawl(self, t: dict[str, Any]) -> CrawlSettings:
        d = CrawlSettings()
        contact = self.string(t.get("user_agent_contact"), "crawl.user_agent_contact",
                              default=d.user_agent_contact)
        autothrottle = t.get("autothrottle", d.autothrottle)
        if not isinstance(autothrottle, bool):
            raise self.fail("crawl.autothrottle", "must be true or false")
        return CrawlSettings(
            user_agent_contact=contact,
            concurrency_per_site=self.integer(t.get("concurrency_per_site"), "crawl.concurrency_per_site",
                                              d.concurrency_per_site, minimum=1) or 1,
            delay=self.converted(t.get("delay"), "crawl.delay", d.delay, _duration_or_zero),
            download_timeout=self.converted(t.get("download_timeout"), "crawl.download_timeout",
                                            d.download_timeout, parse_duration),
            max_response_size=self.converted(t.get("max_response_size"), "crawl.max_response_size",
                                             d.max_response_size, parse_size),
            max_feed_size=self.converted(t.get("max_feed_size"), "crawl.max_feed_size", d.max_feed_size,
                                         parse_size),
            max_redirects=self.integer(t.get("max_redirects"), "crawl.max_redirects", d.max_redirects) or 0,
            max_pages=self.integer(t.get("max_pages"), "crawl.max_pages", d.max_pages, minimum=1) or 1,
            depth=self.integer(t.get("depth"), "crawl.depth", d.depth) or 0,
            every=self.converted(t.get("every"), "crawl.every", d.every, parse_duration),
            autothrottle=autothrottle,
            max_items_per_feed=self.integer(t.get("max_items_per_feed"), "crawl.max_items_per_feed",
                                            d.max_items_per_feed, minimum=1) or 1,
            max_conversations=self.integer(t.get("max_conversations"), "crawl.max_conversations",
                                           d.max_conversations, minimum=1) or 1,
            max_memory=self.converted(t.get("max_memory"), "crawl.max_memory", d.max_memory, _memory),
        )

    def sources(self, value: Any) -> tuple[Source, ...]:
        if not isinstance(value, list):
            raise self.fail("source", "must be an array of tables: write each as [[source]]")
        seen: set[str] = set()
        sources = []
        for i, t in enumerate(value):
            key = f"source[{i + 1}]"
            if not isinstance(t, dict):
                raise self.fail(key, "must be a table: write it as [[source]]")
            self.only(t, key, {"url", "kind", "every", "depth", "max_pages", "allow", "deny", "backfill",
                               "max_threads"})
            url = self.url(t.get("url"), f"{key}.url")
            kind = t.get("kind")
            if kind is not None and kind not in SOURCE_KINDS:
                raise self.fail(f"{key}.kind", f"must be one of {', '.join(SOURCE_KINDS)} (or left out)")
            for name in ("backfill", "max_threads"):
                if name in t and kind not in PLATFORM_KINDS:
                    raise self.fail(f"{key}.{name}", "is for platform sources only (kind = "
                                    f"{' | '.join(repr(k) for k in PLATFORM_KINDS)})")
            if kind == "query" and "{q}" not in url:
                raise self.fail(f"{key}.url", "a query source needs {q} in its URL, where the keyword goes")
            if url in seen:
                raise self.fail(f"{key}.url", f"{url} is listed twice")
            seen.add(url)
            sources.append(Source(
                url=url, kind=kind,
                every=self.converted(t.get("every"), f"{key}.every", None, parse_duration),
                depth=self.integer(t.get("depth"), f"{key}.depth", None),
                max_pages=self.integer(t.get("max_pages"), f"{key}.max_pages", None, minimum=1),
                allow=self.patterns(t.get("allow"), f"{key}.allow"),
                deny=self.patterns(t.get("deny"), f"{key}.deny"),
                backfill=self.converted(t.get("backfill"), f"{key}.backfill", None, parse_duration),
                max_threads=self.integer(t.get("max_threads"), f"{key}.max_threads", None, minimum=1),
            ))
        return tuple(sources)

    def patterns(self, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        patterns = self.strings(value, key)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise self.fail(key, f"{pattern!r} is not a regular expression ({exc})") from None
        return patterns

    def saved_searches(self, value: Any) -> tuple[SavedSearch, ...]:
        if not isinstance(value, list):
            raise self.fail("saved_search", "must be an array of tables: write each as [[saved_search]]")
        searches = []
        seen: set[str] = set()
        for i, t in enumerate(value):
            key = f"saved_search[{i + 1}]"
            if not isinstance(t, dict):
                raise self.fail(key, "must be a table: write it as [[saved_search]]")
            self.only(t, key, {"name", "query", "notify", "digest", "backfill"})
            name = self.string(t.get("name"), f"{key}.name", required=True)
            query = self.string(t.get("query"), f"{key}.query", required=True)
            assert name is not None and query is not None
            if name in seen:
                raise self.fail(f"{key}.name", f"{name!r} is the name of another saved search")
            seen.add(name)
            notify = self.strings(t.get("notify"), f"{key}.notify")
            for url in notify:
                problem = notify_problem(url)
                if problem:
                    raise self.fail(f"{key}.notify", problem)
            searches.append(SavedSearch(
                name=name, query=query, notify=notify,
                digest=self.converted(t.get("digest"), f"{key}.digest", None, parse_digest),
                backfill=self.converted(t.get("backfill"), f"{key}.backfill", SavedSearch.backfill,
                                        _duration_or_zero)))
        return tuple(searches)


def parse_digest(value: str | int) -> timedelta:
    """``"daily"``, ``"weekly"``, or any duration (``"12h"``) between two digests of a saved search."""
    if isinstance(value, str) and value.strip().lower() in DIGESTS:
        return DIGESTS[value.strip().lower()]
    try:
        return parse_duration(value)  # type: ignore[arg-type]
    except ValueError:
        raise ValueError(f'{value!r} is not a digest period; write "daily", "weekly" or a duration such as '
                         '"12h"') from None


_NOTIFY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def notify_problem(url: str) -> str | None:
    """Why ``url`` cannot be a channel for alerts (an Apprise URL such as mailto://, json://, slack://), or
    None. Only its shape is checked here; ``threadscout alerts test NAME`` tries it."""
    if not isinstance(url, str) or not _NOTIFY_SCHEME.match(url.strip()):
        return (f"{url!r} is not a notification URL; write one as Apprise does, e.g. "
                "mailto://user:password@example.org or json://example.org/hook")
    return None


MIN_MEMORY = 64 * 2**20


def _memory(value: str | int) -> int:
    """``[crawl] max_memory``: a size of at least 64 MiB (a crawl needs about 100 MiB to start)."""
    size = parse_size(value)
    if size < MIN_MEMORY:
        raise ValueError(f"{value!r} is too little for a crawl; give at least 64MiB (the default is 1024MiB)")
    return size


def _duration_or_zero(value: str | int) -> timedelta:
    if value in (0, "0", "0s"):
        return timedelta()
    return parse_duration(str(value))

"""The query language through `threadscout search`: every operator and field against a small corpus stored in a
real SQLite file and indexed in a real Whoosh index; malformed queries refused in one line with exit 2."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from conftest import run_cli, write_config

from threadscout.config.settings import load_settings
from threadscout.crawler.items import ConversationItem, ReplyItem
from threadscout.indexer.db import Store
from threadscout.indexer.index import SearchIndex
from threadscout.indexer.sync import sync

NOW = datetime.now(timezone.utc)
MISSION = ('keywords = ["adult literacy", "reading tutor"]\nexclude = ["literacy rate statistics"]\n'
           'org_names = ["Riverside Literacy"]')


def conv(url: str, title: str, text: str, author: str, days_ago: float, replies: list[tuple[str, str]] = (),
         kind: str = "post") -> ConversationItem:
    when = NOW - timedelta(days=days_ago)
    return ConversationItem(
        url=url, title=title, text=text, author=author, kind=kind, published=when - timedelta(hours=len(replies)),
        replies=[ReplyItem(author=name, text=words, published=when - timedelta(hours=i), url=f"{url}#r{i}",
                           position=i) for i, (name, words) in enumerate(replies)])


CORPUS = {
    "A": conv("http://blog.test/tutors/", "Volunteer reading tutors wanted",
              "Adult literacy tutoring starts in November near the bus station.", "Hannah", 2,
              [("Ben", "I could help on Mondays."), ("Riverside Literacy", "Thank you, we will write to you.")]),
    "B": conv("http://forum.example.org:8080/t/7", "Where can I find ESL classes for my mother?",
              "She wants to practise English conversation and adult literacy skills.", "Ana", 40, kind="thread"),
    "C": conv("https://www.example.org/stats/", "Literacy rate statistics for 2025",
              "The literacy rate statistics of the region, table by table.", "Editor", 5,
              [("Lee", "Useful numbers.")]),
    "D": conv("http://news.other.net/cafe", "Café reading night",
              "A reading evening for adult learners at the Café Lumière.", "Org", 1,
              [(f"guest{i}", f"See you there, reading is fun {i}") for i in range(6)], kind="item"),
    "E": conv("http://forum.example.org/t/9", "Adult literacy tutors share tips",
              "Tips from tutors on adult literacy lessons.", "Maria Lopez", 3,
              [("Maria Lopez", "One more tip: short lessons.")], kind="thread"),
    "F": conv("http://long.test/p", "A long page", " ".join(f"filler{i}" for i in range(400)) + " zebra crossing "
              + " ".join(f"filler{i}" for i in range(400, 800)), "Zed", 8),
    # the same words: a quiet old page, and a lively recent thread
    "G": conv("http://quiet.test/kiwi", "Kiwi club", "The kiwi club meets.", "Gus", 200),
    "H": conv("http://lively.test/kiwi", "Kiwi club", "The kiwi club meets.", "Hal", 1,
              [(f"member{i}", f"Count me in {i}") for i in range(5)]),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("query")
    config = write_config(folder, [{"url": "http://blog.test/"}], mission=MISSION)
    cfg = load_settings(config)
    store = Store(cfg.database_url)
    try:
        for item in CORPUS.values():
            store.save(item, site=item.url.split("/")[2].split(":")[0].removeprefix("www."))
        sync(store, SearchIndex(cfg.index_dir))
    finally:
        store.close()
    return config


def found(config, *query: str) -> set[str]:
    out = json.loads(run_cli("search", *query, "--json", config=config, check=True).stdout)
    by_url = {item.url: key for key, item in CORPUS.items()}
    return {by_url[r["url"]] for r in out}


@pytest.mark.parametrize("query, expected", [
    (["literacy"], {"A", "B", "E"}),                       # C is left out: the mission's exclude phrase
    (["literacy", "-bus"], {"B", "E"}),                    # -word on the command line is a query word
    (["the", "literacy", "of"], {"A", "B", "E"}),          # stop words are left out, not required in names
    (["(the OR literacy)"], {"A", "B", "E"}),                # ... unless that strands an operator: read as typed
    (["literacy", "NOT", "bus"], {"B", "E"}),
    (["(literacy", "-bus)", "adult"], {"B", "E"}),         # -word inside parentheses too
    (['title:"literacy tutors"~1'], {"E"}),                # a field's phrase keeps its slop
    (["(tips", "OR", "tutoring)", "adult"], {"A", "E"}),
    (['"literacy tutors"'], {"A", "E"}),                  # a phrase, stemmed: "literacy tutoring" too
    (['"literacy starts"'], set()),
    (['"literacy starts"~1'], {"A"}),                      # one word between
    (["tutor*"], {"A", "E"}),
    (["tutoring"], {"A", "E"}),                            # stemming: tutoring finds tutors
    (["cafe"], {"D"}),                                     # accents folded
    (["title:tutors"], {"A", "E"}),
    (["site:example.org"], {"B", "E"}),                    # subdomains included (C excluded by the mission)
    (["site:forum.example.org:8080"], {"B"}),              # with its port
    (["site:www.example.org", "statistics"], set()),       # www. is the same site; the exclusion applies
    (["author:ben"], {"A"}),                               # anyone who replied
    (['author:"maria lopez"'], {"E"}),
    (["kind:item"], {"D"}),
    (["kind:thread", "literacy"], {"B", "E"}),
    (["reading", "after:7d"], {"A", "D"}),
    (["literacy", "before:30d"], {"B"}),
    (["replies:>5"], {"D"}),
    (["replies:0", "literacy"], {"B"}),
    (["is:unanswered"], {"B", "E", "F", "G"}),                   # E: only its opening author replied
    (["is:question"], {"B"}),
    (["is:ours"], {"A"}),
])
def test_each_operator_and_field(corpus, query, expected):
    assert found(corpus, *query) == expected


def test_exclude_phrases_are_left_out_unless_all(corpus):
    assert "C" not in found(corpus, "statistics")
    assert found(corpus, "statistics", "--all") == {"C"}


def test_no_query_searches_the_mission_keywords(corpus):
    assert found(corpus) == {"A", "B", "E"}   # "adult literacy" OR "reading tutor"; D says reading, not the phrase


@pytest.mark.parametrize("query, says", [
    (["color:red"], "the fields are title:, site:, author:"),
    (["literacy", "OR"], "OR needs a word after it"),
    (["(literacy"], "'(' is not closed"),
    (['"adult literacy'], "double quote is not closed"),
    (["after:someday"], "is not a date"),
    (["after:9999-12"], "beyond the calendar"),
    (["after:99999999d"], "too long ago"),
    (["NOT", "NOT", "x"], "NOT needs a word after it"),
    (["kind:blog"], "kind:post, kind:thread, kind:item"),
    (["replies:many"], "is not a count"),
    (["is:closed"], "is:unanswered, is:question, is:ours"),
])
def test_malformed_queries_are_explained_in_one_line(corpus, query, says):
    proc = run_cli("search", *query, config=corpus)
    assert proc.returncode == 2
    assert says in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_snippets_are_cut_on_words_with_the_matches_apart(corpus):
    [hit] = json.loads(run_cli("search", "zebra", "--json", config=corpus, check=True).stdout)
    snippet = hit["snippet"]
    assert snippet.startswith("…") and snippet.endswith("…") and "[" not in snippet   # plain text
    words = snippet.strip("…").split()
    assert all(re.fullmatch(r"filler\d+|zebra|crossing", w) for w in words)   # whole words only, none cut
    assert [snippet[a:b] for a, b in hit["highlights"]] == ["zebra"]
    table = run_cli("search", "zebra", config=corpus, check=True).stdout
    assert "…" in table and "\x1b[" not in table          # no colour in a pipe
    assert "last activity 8 days ago" in table


def ranked(config, *query: str) -> list[str]:
    out = json.loads(run_cli("search", *query, "--json", config=config, check=True).stdout)
    by_url = {item.url: key for key, item in CORPUS.items()}
    return [by_url[r["url"]] for r in out]


def test_activity_and_recency_break_ties_of_words(corpus):
    assert ranked(corpus, "kiwi") == ["H", "G"]            # same words: the lively recent thread first
    [lively, quiet] = json.loads(run_cli("search", "kiwi", "--explain", "--json", config=corpus, check=True).stdout)
    assert lively["explain"]["relevance"] == quiet["explain"]["relevance"]
    assert lively["explain"]["activity"] > quiet["explain"]["activity"]
    assert lively["explain"]["recency"] > quiet["explain"]["recency"]
    parts = lively["explain"]
    assert abs(parts["relevance"] * parts["activity"] * parts["recency"] - parts["score"]) < 0.01
    assert "explain" not in json.loads(run_cli("search", "kiwi", "--json", config=corpus, check=True).stdout)[0]
    assert "= relevance" in run_cli("search", "kiwi", "--explain", config=corpus, check=True).stdout


def test_sort_by_recent_and_by_active(corpus):
    assert ranked(corpus, "reading", "--sort", "recent") == ["D", "A"]       # 1 day ago, then 2
    assert ranked(corpus, "literacy", "--sort", "active") == ["A", "E", "B"]  # 2 replies, 1, 0


def test_show_marks_the_query_words(corpus):
    url = CORPUS["A"].url
    conv = json.loads(run_cli("show", url, "--query", "tutor* OR thank -bus", "--json", config=corpus,
                              check=True).stdout)
    assert [conv["text"][a:b] for a, b in conv["highlights"]] == ["tutoring"]      # not "bus": it is left out
    assert [[r["text"][a:b] for a, b in r["highlights"]] for r in conv["replies"]] == [[], ["Thank"]]
    assert "highlights" not in json.loads(run_cli("show", url, "--json", config=corpus, check=True).stdout)
    assert run_cli("show", url, "--query", "literacy OR", config=corpus).returncode == 2


def test_pages_csv_and_files_on_every_listing_command(corpus, tmp_path):
    import csv

    everything = ranked(corpus, "literacy", "--limit", "50")
    assert ranked(corpus, "literacy", "--limit", "2") + ranked(corpus, "literacy", "--limit", "2", "--page", "2") \
        == everything[:4]
    out = run_cli("search", "literacy", "--csv", config=corpus, check=True).stdout
    rows = list(csv.DictReader(out.splitlines()))
    assert [r["url"] for r in rows] == [CORPUS[k].url for k in everything]
    assert {"url", "title", "site", "n_replies", "participants", "snippet", "highlights"} <= rows[0].keys()
    target = tmp_path / "where.json"
    proc = run_cli("where", "literacy", "--json", "--output", target, config=corpus, check=True)
    assert proc.stdout == "" and "Wrote" in proc.stderr
    assert json.loads(target.read_text(encoding="utf-8"))[0]["site"]
    sources = run_cli("sources", "--csv", config=corpus, check=True).stdout
    assert sources.splitlines()[0].startswith("url,") and "http://blog.test/" in sources
    for bad, says in ((["--json", "--csv"], "choose one"), (["--output", str(tmp_path / "x")], "add --json"),):
        proc = run_cli("search", "literacy", *bad, config=corpus)
        assert proc.returncode == 2 and says in proc.stderr


def test_mission_language_picks_the_stemmer_and_a_change_rebuilds_the_index(tmp_path):
    """German stemming finds "Kindern" for "Kinder"; English does not. An index stemmed for English is outdated
    once the mission says German: searching still answers (with the old stemming), the next sync rebuilds it."""
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    try:
        store.save(conv("http://lesen.test/1", "Vorlesen mit Kindern", "Lesepaten lesen mit Kindern.", "Eva", 2),
                   site="lesen.test")
        english, german = SearchIndex(tmp_path / "index"), SearchIndex(tmp_path / "index", language="de")
        sync(store, english)
        assert english.search("Kinder") == [] and german.search("Kinder") == []   # not rebuilt yet
        assert german.state() == "outdated" and english.state() == "ok"
        assert sync(store, german) == 1
        assert [h.url for h in german.search("Kinder")] == ["http://lesen.test/1"]
        assert german.state() == "ok" and english.state() == "outdated"
    finally:
        store.close()

"""The feed reader on the real-world feeds in ../shared/fixtures/real/feeds (skipped when that folder is absent):
item counts against the manifest, broken feeds recovered or refused, never a crash."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from threadscout.crawler.feeds import FeedRefused, parse_feed

REAL = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
if not (REAL / "manifest.csv").is_file():
    pytest.skip("../shared/fixtures/real is absent", allow_module_level=True)

with (REAL / "manifest.csv").open(encoding="utf-8", newline="") as f:
    FEEDS = [row for row in csv.DictReader(f) if row["file"].startswith("feeds/")]


def items_read(row: dict[str, str]) -> int:
    try:
        return len(parse_feed((REAL / row["file"]).read_bytes(), "http://feeds.test/feed").items)
    except FeedRefused:
        return 0


@pytest.mark.parametrize("row", FEEDS, ids=[r["file"] for r in FEEDS])
def test_feed_never_crashes_the_reader(row):
    items_read(row)


def test_item_counts_match_the_manifest():
    exact = [r["file"] for r in FEEDS if items_read(r) == int(r["n_comments"])]
    # known misses: an item without a link (nothing to key it on) and a truncated CDATA section
    assert len(exact) >= len(FEEDS) - 2, sorted(set(r["file"] for r in FEEDS) - set(exact))


def test_comment_feeds_are_found():
    row = next(r for r in FEEDS if "thr" in r["file"])
    feed = parse_feed((REAL / row["file"]).read_bytes(), "http://feeds.test/feed")
    assert feed.comment_feeds and len(feed.comment_feeds) == len(feed.items)

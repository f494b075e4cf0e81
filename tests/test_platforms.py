"""Every registered platform reads pages written in its markup (tests/sites/platforms/<name>/, written by the
project; expected.json says what each page holds). A platform registered without such a page fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from threadscout.crawler.extract import extract_page
from threadscout.crawler.extract.registry import PLATFORMS

FIXTURES = Path(__file__).resolve().parent / "sites" / "platforms"


def _cases() -> list[tuple[str, dict]]:
    cases = []
    for folder in sorted(FIXTURES.iterdir()) if FIXTURES.is_dir() else []:
        expected = folder / "expected.json"
        if expected.is_file():
            cases += [(folder.name, case) for case in json.loads(expected.read_text(encoding="utf-8"))]
    return cases


@pytest.mark.parametrize("platform", [p.name for p in PLATFORMS])
def test_every_registered_platform_has_a_fixture(platform):
    assert platform in {name for name, _ in _cases()}, f"write tests/sites/platforms/{platform}/expected.json"


@pytest.mark.parametrize("folder, case", _cases(), ids=[f"{n}/{c['file']}" for n, c in _cases()])
def test_a_platform_reads_its_page(folder, case):
    html = (FIXTURES / folder / case["file"]).read_text(encoding="utf-8")
    page = extract_page(html, case["url"])
    conv = page.conversation
    assert page.platform == case["platform"]
    assert conv is not None
    assert conv.title == case["title"]
    if case.get("opening_author") is not None:
        assert conv.author == case["opening_author"] and conv.text
    assert [r.author for r in conv.replies] == case["reply_authors"]
    assert len(conv.replies) == case["n_replies"] and all(r.text for r in conv.replies)
    assert page.page == case["page"]
    assert conv.url == case["thread_url"]
    assert page.next_page == case["next_page"]
    positions = [r.position for r in conv.replies if r.position is not None]
    assert positions == sorted(positions)

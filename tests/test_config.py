"""The configuration: validated with clear errors, found by --config, THREADSCOUT_CONFIG, ./threadscout.toml."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from threadscout.config.errors import ConfigError
from threadscout.config.settings import load_settings, parse_duration, parse_size
from conftest import ROOT, dedent, run_cli

GOOD = dedent("""
    [mission]
    name = "Riverside Literacy"
    keywords = ["adult literacy", "reading tutor"]

    [[source]]
    url = "https://blog.example.org/feed/"
    every = "6h"

    [[source]]
    url = "https://forum.example.org/"
    kind = "forum"
    depth = 0
    """)


def test_durations_and_sizes():
    assert parse_duration("30s") == timedelta(seconds=30)
    assert parse_duration("15m") == timedelta(minutes=15)
    assert parse_duration("6h") == timedelta(hours=6)
    assert parse_duration("1d") == timedelta(days=1)
    assert parse_duration("1h30m") == timedelta(minutes=90)
    for bad in ("", "6", "6 hours", "h", "0s", "-1h"):
        with pytest.raises(ValueError):
            parse_duration(bad)
    assert parse_size("10MB") == 10_000_000 and parse_size("512KiB") == 524_288 and parse_size(1000) == 1000
    with pytest.raises(ValueError):
        parse_size("lots")


def test_a_good_file(tmp_path):
    path = tmp_path / "threadscout.toml"
    path.write_text(GOOD, encoding="utf-8")
    cfg = load_settings(path)
    assert cfg.mission.keywords == ("adult literacy", "reading tutor")
    assert cfg.sources[0].every == timedelta(hours=6) and cfg.sources[0].kind is None
    assert cfg.sources[1].kind == "forum" and cfg.sources[1].depth == 0
    assert cfg.data_dir == tmp_path / "data"                      # relative to the file
    assert cfg.database_url == f"sqlite:///{tmp_path / 'data' / 'threadscout.db'}"
    assert cfg.crawl.max_response_size == 10_000_000 and cfg.crawl.delay == timedelta(seconds=1)


@pytest.mark.parametrize("text, key, words", [
    (GOOD.replace('name = "Riverside Literacy"\n', ""), "mission.name", "missing"),
    (GOOD.replace('"https://blog.example.org/feed/"', '"file:///etc/passwd"'), "source[1].url", "http(s)"),
    (GOOD.replace('kind = "forum"', 'kind = "newsgroup"'), "source[2].kind", "must be one of"),
    (GOOD.replace('every = "6h"', 'every = "often"'), "source[1].every", "not a duration"),
    (GOOD.replace('depth = 0', 'depht = 0'), "source[2].depht", "unknown key"),
    (GOOD.replace("keywords = [", "keywords = 3 #["), "mission.keywords", "list of non-empty strings"),
    (GOOD + '[crawl]\nmax_response_size = "huge"\n', "crawl.max_response_size", "not a size"),
    (GOOD + "[crawl]\nevery = 3600\n", "crawl.every", "as a string"),
    (GOOD.replace("forum.example.org/", "forum.example.org:99999/"), "source[2].url", "not a valid URL"),
    (GOOD + '[storage]\nurl = "nonsense"\n', "storage.url", "not a database URL"),
    (GOOD.replace("blog.example.org", "exa mple.org"), "source[1].url", "contains a space"),
    (GOOD.replace("https://blog.example.org/feed/", "https://blog.example.org/my feed/"), "source[1].url",
     "contains a space"),
    (GOOD.replace("blog.example.org", "blog..example.org"), "source[1].url", "host name that cannot be used"),
    (GOOD.replace("blog.example.org", "-blog.example.org"), "source[1].url", "host name that cannot be used"),
    (GOOD.replace("depth = 0", 'depth = 0\ndeny = ["(unclosed"]'), "source[2].deny", "not a regular expression"),
    ("[mission\nname = 1", None, "not valid TOML"),
    (GOOD.replace('name = "Riverside Literacy"\n', 'name = "Riverside Literacy"\nlanguage = "klingon"\n'),
     "mission.language", "use one of ar, da, de, en"),
])
def test_bad_files_name_the_key(tmp_path, text, key, words):
    path = tmp_path / "threadscout.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert (key is None or f": {key}:" in message) and words in message


def test_bad_config_exits_2_with_one_clear_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace('"https://blog.example.org/feed/"', '"ftp://example.org/feed"'), encoding="utf-8")
    for command in (["crawl"], ["search", "literacy"]):
        proc = run_cli(*command, config=path)
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "source[1].url" in lines[0] and str(path) in lines[0]
        assert "Traceback" not in proc.stderr


def test_missing_config_exits_2(tmp_path):
    proc = run_cli("search", "x", config=tmp_path / "nope.toml")
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_config_is_found_by_env_then_working_folder(tmp_path):
    (tmp_path / "threadscout.toml").write_text(GOOD.replace("Riverside Literacy", "From cwd"), encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text(GOOD.replace("Riverside Literacy", "From env"), encoding="utf-8")
    code = "from threadscout.config.settings import load_settings; print(load_settings().mission.name)"
    env = {k: v for k, v in os.environ.items() if k != "THREADSCOUT_CONFIG"}
    here = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert here.stdout.strip() == "From cwd", here.stderr
    env["THREADSCOUT_CONFIG"] = str(other)
    there = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert there.stdout.strip() == "From env", there.stderr


def test_the_demo_configuration_is_valid():
    text = (ROOT / "config" / "demo.toml").read_text(encoding="utf-8").replace("{{base}}", "http://127.0.0.1:1")
    cfg = load_settings(Path("demo.toml"), text=text)
    assert cfg.mission.name == "Riverside Literacy" and len(cfg.sources) == 5
    assert [s.kind for s in cfg.sources if s.kind == "discourse"] == ["discourse"]     # a platform source too


def test_a_url_with_a_space_is_refused_at_load_not_in_the_crawl(tmp_path):
    path = tmp_path / "threadscout.toml"
    path.write_text(GOOD.replace("blog.example.org", "exa mple.org"), encoding="utf-8")
    proc = run_cli("crawl", config=path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "ValueError" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [f"threadscout: {path}: source[1].url: 'https://exa mple.org/feed/' "
                                                "contains a space or a control character; write a space in a URL "
                                                "as %20"]


def test_good_urls_of_every_shape_are_accepted(tmp_path):
    for url in ("https://bücher.example/feed/", "http://127.0.0.1:8080/", "http://[::1]:8080/feed",
                "https://my_blog.example.org/", "https://example.org./", "https://q.example/search?q={q}&x=1"):
        path = tmp_path / "threadscout.toml"
        path.write_text(GOOD.replace("https://blog.example.org/feed/", url), encoding="utf-8")
        assert load_settings(path).sources[0].url == url


def test_the_languages_offered_are_those_whoosh_can_stem():
    from whoosh.lang import has_stemmer, languages

    from threadscout.config.settings import LANGUAGES

    assert set(LANGUAGES) == {code for code in languages if has_stemmer(code)}

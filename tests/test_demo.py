"""`threadscout demo`: the bundled sample web served on 127.0.0.1, crawled, indexed and searched."""

from __future__ import annotations

import json
import sqlite3

from conftest import run_cli


def test_demo_runs_and_shows_results(tmp_path):
    proc = run_cli("demo", "--keep", tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Crawled 5 sources" in out and "0 new conversations" not in out
    assert "$ threadscout search" in out and "Volunteer reading tutors wanted" in out
    assert "$ threadscout show" in out
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:
        assert db.execute("select count(*) from conversations").fetchone()[0] == 11
        assert db.execute("select count(*) from replies").fetchone()[0] == 17
    # the kept configuration works with the other commands (the sample web is gone: search reads the store)
    found = json.loads(run_cli("search", "bus", "routes", "--json", config=tmp_path / "threadscout.toml",
                               check=True).stdout)
    assert found and found[0]["title"] == "Adult learners and bus routes" and found[0]["n_replies"] == 3
    # the sample forum was searched through its Discourse API: two of its three topics hold a keyword
    config = tmp_path / "threadscout.toml"
    forum = json.loads(run_cli("search", "site:127.0.0.1", "kind:thread", "--json", config=config,
                               check=True).stdout)
    assert sorted(c["title"] for c in forum) == ["ESL classes with childcare on Saturdays?",
                                                 "Keeping volunteer reading tutors through the winter"]
    ours = json.loads(run_cli("search", "is:ours", "kind:thread", "--json", config=config, check=True).stdout)
    shown = json.loads(run_cli("show", ours[0]["url"], "--json", config=config, check=True).stdout)
    assert ours[0]["url"].endswith("/community/t/keeping-volunteer-reading-tutors-through-the-winter/31")
    assert [r["author"] for r in shown["replies"]] == ["jo_fenwick", "riversideliteracy", "maria_k", "ted_b"]
    assert "<script>alert(1)</script>" in shown["replies"][-1]["text"]


def test_demo_never_writes_over_a_folder_in_use(tmp_path):
    (tmp_path / "threadscout.toml").write_text("# my own configuration\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "threadscout.db").write_bytes(b"my conversations")
    proc = run_cli("demo", "--keep", tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "not empty" in proc.stderr and "threadscout.toml" in proc.stderr and "data/" in proc.stderr
    assert (tmp_path / "threadscout.toml").read_text(encoding="utf-8") == "# my own configuration\n"
    assert (tmp_path / "data" / "threadscout.db").read_bytes() == b"my conversations"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "threadscout.toml"]


def test_demo_keeps_its_files_in_a_new_folder(tmp_path):
    target = tmp_path / "new" / "demo"
    proc = run_cli("demo", "--keep", target)
    assert proc.returncode == 0, proc.stderr
    assert (target / "threadscout.toml").is_file() and (target / "data" / "threadscout.db").is_file()

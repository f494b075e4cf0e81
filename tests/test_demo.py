"""`threadscout demo`: the bundled sample web served on 127.0.0.1, crawled, indexed and searched."""

from __future__ import annotations

import json
import sqlite3

from conftest import run_cli


def test_demo_runs_and_shows_results(tmp_path):
    proc = run_cli("demo", "--keep", tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Crawled 4 sources" in out and "0 new conversations" not in out
    assert "$ threadscout search" in out and "Volunteer reading tutors wanted" in out
    assert "$ threadscout show" in out
    with sqlite3.connect(tmp_path / "data" / "threadscout.db") as db:
        assert db.execute("select count(*) from conversations").fetchone()[0] == 9
        assert db.execute("select count(*) from replies").fetchone()[0] == 12
    # the kept configuration works with the other commands (the sample web is gone: search reads the store)
    found = json.loads(run_cli("search", "bus", "routes", "--json", config=tmp_path / "threadscout.toml",
                               check=True).stdout)
    assert found and found[0]["title"] == "Adult learners and bus routes" and found[0]["n_replies"] == 3


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

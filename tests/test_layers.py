"""Imports point one way (config <- indexer <- crawler <- search) and Whoosh stays inside indexer/;
searching does not pay for Scrapy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_import_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    proc = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 kept, 0 broken" in proc.stdout


def test_search_does_not_import_the_crawler_machinery():
    code = ("import sys; import search.cli, search.query, search.output; "
            "print(sorted(m for m in ('scrapy', 'twisted', 'trafilatura', 'extruct') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr

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
    assert "4 kept, 0 broken" in proc.stdout


def test_search_does_not_import_the_crawler_machinery():
    code = ("import sys; import threadscout.search.cli, threadscout.search.query, threadscout.search.output; "
            "print(sorted(m for m in ('scrapy', 'twisted', 'trafilatura', 'extruct') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_installed_as_one_package_namespace(tmp_path):
    """Nothing generic lands in site-packages: the layers import as threadscout.<layer> only."""
    code = ("import importlib.util, json; import threadscout.config, threadscout.indexer, threadscout.crawler, "
            "threadscout.search; print(json.dumps([importlib.util.find_spec(n) is not None "
            "for n in ('config', 'search', 'indexer', 'crawler')]))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[false, false, false, false]"


def test_every_package_folder_is_installed():
    """A sub-package left out of pyproject.toml's list imports from a checkout but is missing when installed
    (an editable install hides it): every folder with an __init__.py is in the list."""
    import tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {"threadscout." + ".".join(init.parent.relative_to(ROOT).parts)
               for layer in ("config", "indexer", "crawler", "search")
               for init in (ROOT / layer).rglob("__init__.py")}
    assert folders - listed == set()

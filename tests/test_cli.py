"""The command line: help on every command, one-line errors, and no escape sequence from the web on screen."""

from __future__ import annotations

import json

import click
import pytest

from conftest import LAB_SITE, run_cli, write_config
from threadscout.search.cli import cli

ESCAPES = ("\x1b", "\x07", "\x9b", "\u202e")


# the commands of the contract in DESIGN.md that exist by now; deleting one fails the tests below
CONTRACT = ("crawl", "search", "show", "reindex", "demo", "sources", "where", "discover", "run", "alerts", "status",
            "serve", "mark", "links")


def _commands() -> list[str]:
    return sorted(set(CONTRACT) | set(cli.commands))


@pytest.mark.parametrize("name", _commands())
def test_every_command_explains_itself(name):
    assert name in cli.commands, f"the command {name} is gone"
    command = cli.commands[name]
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"
    proc = run_cli(name, "--help")
    assert proc.returncode == 0 and proc.stdout.startswith(f"Usage: threadscout {name}")
    description = proc.stdout.split("\n\n", 1)[1].split("Options:")[0].strip()
    assert len(description) > 40, f"{name} --help has no real description"


@pytest.mark.parametrize("group, name", [(g, n) for g, cmd in sorted(cli.commands.items())
                                          if isinstance(cmd, click.Group) for n in sorted(cmd.commands)])
def test_every_subcommand_explains_itself(group, name):
    proc = run_cli(group, name, "--help")
    assert proc.returncode == 0 and proc.stdout.startswith(f"Usage: threadscout {group} {name}")
    description = proc.stdout.split("\n\n", 1)[1].split("Options:")[0].strip()
    assert len(description) > 40, f"{group} {name} --help has no real description"


def test_top_level_help_lists_every_command():
    out = run_cli("--help").stdout
    listed = [line.split()[0] for line in out.split("Commands:")[1].splitlines() if line.strip()]
    assert sorted(listed) == sorted(cli.commands) and set(CONTRACT) <= set(listed)


@pytest.fixture(scope="module")
def hostile(lab_web, tmp_path_factory):
    """A crawled page whose author names and texts carry terminal escape sequences."""
    folder = tmp_path_factory.mktemp("escapes")
    config = write_config(folder, [{"url": f"{lab_web.base}/escape/post.html", "depth": 0}])
    run_cli("crawl", config=config, check=True)
    return config, f"{lab_web.base}/escape/post.html"


def test_the_hostile_fixture_really_carries_escapes():
    raw = (LAB_SITE / "escape" / "post.html").read_bytes()
    assert b"\x1b[" in raw and b"\x1b]0;" in raw


def test_escape_sequences_never_reach_the_terminal(hostile):
    config, url = hostile
    for args in (["search", "tutoring"], ["search", "tutoring", "--json"], ["show", url], ["show", url, "--json"]):
        proc = run_cli(*args, config=config, check=True)
        assert not any(e in proc.stdout or e in proc.stderr for e in ESCAPES), args
    conv = json.loads(run_cli("show", url, "--json", config=config, check=True).stdout)
    assert "Mallory" in conv["author"] and "Eve" in conv["replies"][0]["author"]
    assert "[31m" not in conv["replies"][0]["author"] and "owned" not in json.dumps(conv)


def test_show_unknown_url_exits_1(hostile):
    config, _ = hostile
    proc = run_cli("show", "http://127.0.0.1:9/nothing-here", config=config)
    assert proc.returncode == 1 and "no conversation" in proc.stderr and "Traceback" not in proc.stderr


def test_search_with_no_results_says_so(hostile):
    config, _ = hostile
    proc = run_cli("search", "xylophone", config=config, check=True)
    assert "No conversations match" in proc.stdout
    assert json.loads(run_cli("search", "xylophone", "--json", config=config, check=True).stdout) == []

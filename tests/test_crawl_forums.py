"""Forums crawled end to end: a board, its thread over two pages, one conversation with every reply in order."""

from __future__ import annotations

import json

from conftest import run_cli, write_config


def test_a_thread_over_two_pages_is_one_conversation_with_every_reply_in_order(forum_web, tmp_path):
    config = write_config(tmp_path, [{"url": f"{forum_web.base}/viewforum.php?f=2", "kind": "forum", "depth": 1}])
    with forum_web.recording() as log:
        proc = run_cli("crawl", config=config, check=True)
    assert "1 new conversation" in proc.stdout
    assert "/viewtopic.php?f=2&t=15&start=5" in log.paths()      # the second page was read
    thread = f"{forum_web.base}/viewtopic.php?f=2&t=15"
    conv = json.loads(run_cli("show", thread, "--json", config=config, check=True).stdout)
    assert conv["url"] == thread and conv["kind"] == "thread"
    assert conv["title"] == "Training new volunteer reading tutors" and conv["author"] == "marta_k"
    assert [r["author"] for r in conv["replies"]] == ["Dee Harlow", "oakley.reads", "marta_k", "sam_esl_teacher",
                                                      "Grace Okafor", "marta_k", "oakley.reads"]
    assert conv["n_replies"] == 7 and all(r["text"] for r in conv["replies"])
    found = json.loads(run_cli("search", "reading", "tutors", "--json", config=config, check=True).stdout)
    assert [r["url"] for r in found] == [thread]                 # the board's page is a listing, not stored
    again = run_cli("crawl", "--all", config=config, check=True)
    assert "0 new conversations" in again.stdout
    assert json.loads(run_cli("show", thread, "--json", config=config, check=True).stdout)["n_replies"] == 7

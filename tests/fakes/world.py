"""The threads a fake platform serves: one model, rendered by each fake in its own format."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

# the fakes' present: a day before the real one, so that their threads are recent (active) whenever tests run
NOW = (datetime.now(timezone.utc) - timedelta(days=1)).replace(microsecond=0)


@dataclass
class Post:
    """The opening post (``parent`` None) or a reply (``parent``: the id of the post it answers)."""

    id: int
    author: str
    created: datetime
    text: str                     # HTML for the platforms that serve HTML, Markdown or plain text for the others
    parent: int | None = None
    deleted: bool = False


@dataclass
class Topic:
    id: int                       # the root post's id too, where the platform gives both one number space
    title: str
    community: str = "literacy"   # a Lemmy community, a subreddit, a Stack Exchange site, a Mastodon hashtag
    root: Post | None = None
    replies: list[Post] = field(default_factory=list)
    pinned: bool = False

    @property
    def created(self) -> datetime:
        assert self.root is not None
        return self.root.created

    @property
    def last_activity(self) -> datetime:
        return max([self.created, *(r.created for r in self.replies)])

    def live_replies(self) -> list[Post]:
        return [r for r in self.replies if not r.deleted]

    def children(self, parent: int) -> list[Post]:
        return [r for r in self.replies if r.parent == parent]


class World:
    def __init__(self) -> None:
        self.topics: list[Topic] = []
        self.lock = threading.RLock()
        self._next = 1000

    def next_id(self) -> int:
        with self.lock:
            self._next += 1
            return self._next

    def topic(self, title: str, author: str, text: str, *, created: datetime | None = None,
              community: str = "literacy") -> Topic:
        with self.lock:
            tid = self.next_id()
            topic = Topic(id=tid, title=title, community=community)
            topic.root = Post(id=tid, author=author, created=created or NOW - timedelta(days=1), text=text)
            self.topics.append(topic)
            return topic

    def reply(self, topic: Topic, author: str, text: str, *, parent: int | None = None,
              created: datetime | None = None) -> Post:
        with self.lock:
            assert topic.root is not None
            last = topic.last_activity
            post = Post(id=self.next_id(), author=author, created=created or last + timedelta(minutes=5), text=text,
                        parent=parent if parent is not None else topic.root.id)
            topic.replies.append(post)
            return post

    def find(self, post_id: int) -> tuple[Topic, Post] | None:
        with self.lock:
            for topic in self.topics:
                assert topic.root is not None
                if topic.root.id == post_id:
                    return topic, topic.root
                for reply in topic.replies:
                    if reply.id == post_id:
                        return topic, reply
        return None

    def matching(self, words: str) -> list[tuple[Topic, Post]]:
        """Every post whose topic title or own text holds ``words`` (case-insensitive), newest first."""
        needle = words.lower()
        found = []
        with self.lock:
            for topic in self.topics:
                assert topic.root is not None
                for post in [topic.root, *topic.replies]:
                    if post.deleted:
                        continue
                    hay = post.text.lower() + (" " + topic.title.lower() if post is topic.root else "")
                    if needle in hay:
                        found.append((topic, post))
        found.sort(key=lambda tp: (tp[1].created, tp[1].id), reverse=True)
        return found


def thread_order(topic: Topic) -> list[Post]:
    """The topic's live replies depth-first (each after its parent, siblings by date): what ``show`` lists."""
    assert topic.root is not None
    out: list[Post] = []

    def walk(parent: int) -> None:
        for child in sorted(topic.children(parent), key=lambda p: (p.created, p.id)):
            if not child.deleted:
                out.append(child)
            walk(child.id)

    walk(topic.root.id)
    return out

"""The web page's signed-in sessions, kept in the store (table ``web_sessions``).

The session cookie is signed, so nobody can make one up; but a signed cookie alone cannot be taken back: a copy
would keep working after sign-out until it expires. So each sign-in gets a random id, the cookie carries it,
and only its hash is stored here. Signing out deletes that row; a new password deletes them all; a cookie
whose row is gone is signed out.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete

from threadscout.indexer.db import Store
from threadscout.indexer.models import WebSession, utcnow


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "replace")).hexdigest()


class WebSessions:
    def __init__(self, store: Store) -> None:
        self.store = store

    def begin(self, lifetime: timedelta) -> str:
        """A new session lasting ``lifetime``; returns the id its cookie carries. Expired ones are removed."""
        session_id = secrets.token_urlsafe(32)
        now = utcnow()
        with self.store.session() as s:
            s.execute(delete(WebSession).where(WebSession.expires_at < now))
            s.add(WebSession(id_hash=_hash(session_id), begun_at=now, expires_at=now + lifetime))
        return session_id

    def alive(self, session_id: object) -> bool:
        if not isinstance(session_id, str) or not session_id:
            return False
        with self.store.session() as s:
            row = s.get(WebSession, _hash(session_id))
            return row is not None and row.expires_at > utcnow()

    def end(self, session_id: object) -> None:
        if isinstance(session_id, str) and session_id:
            with self.store.session() as s:
                s.execute(delete(WebSession).where(WebSession.id_hash == _hash(session_id)))

    def end_all(self) -> int:
        """Every session ends (a new password); returns how many there were."""
        with self.store.session() as s:
            return s.execute(delete(WebSession)).rowcount or 0

"""`threadscout serve`: the staff web page. Flask with Jinja2 templates (autoescaping on), served by waitress.

It sits above the rest of ``search`` and calls the same functions the CLI calls; nothing imports it but the
CLI's ``serve``. Every page is server-rendered HTML that works without JavaScript.

Safety: crawled text is only ever written through Jinja2's escaping (highlights are built from escaped pieces);
the Content-Security-Policy forbids inline script and any script not served by this page; every form carries a
CSRF token (Flask-WTF); bound to anything but loopback, every page asks for a password, stored as a hash in the
database (`threadscout serve --set-password`), and says so when none is set. Wrong passwords are slowed down
and then refused, per client and for everyone (``throttle``), and logged in data/logs/serve.log; a signed-in
session is also kept in the database (``indexer.web_sessions``), so that signing out ends it for every copy of
its cookie. Pages are never stored by caches (``Cache-Control: no-store``); what a form did is told through the
session (Flask's flashed messages), and ``?message=`` names only one of the page's own ``MESSAGES``.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import secrets
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, abort, flash, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup, escape
from werkzeug.security import check_password_hash, generate_password_hash

from threadscout.config.errors import ThreadscoutError, UsageError
from threadscout.config.settings import Settings
from threadscout.crawler.clean import one_line, strip_controls
from threadscout.indexer.db import Store
from threadscout.indexer.web_sessions import WebSessions
from threadscout.search import alerts as saved
from threadscout.search import jobs
from threadscout.search import links as community
from threadscout.search.query import search, show
from threadscout.search.status import status as read_status
from threadscout.search.web.throttle import LoginThrottle, client_key
from threadscout.search.where import where

PER_PAGE = 20
MAX_PAGE = 500
PASSWORD = "web.password_hash"
SECRET = "web.secret_key"             # signs sessions and CSRF tokens: kept, so that a restart signs nobody out
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
KINDS = ("post", "thread", "item")
LINK_TYPES = {"html": "text/html", "rss": "application/rss+xml", "opml": "text/x-opml"}   # /links.<form>
STATES = ("new", "claimed", "answered", "skipped")
# the only texts ``?message=`` can show (anything else in it is ignored: a link must not make the page say things)
MESSAGES = {
    "signed-out": "You are signed out.",
    "ended": "That session has ended (signed out, or a new password was set): sign in again.",
}
TOLD_AT_MOST = 1000       # characters of a form's result kept in the session to be shown once

log = logging.getLogger(__name__)


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def set_password(cfg: Settings, password: str) -> None:
    store = Store(cfg.database_url)
    try:
        store.set_setting(PASSWORD, generate_password_hash(password))
        WebSessions(store).end_all()           # a new password signs every session out
    finally:
        store.close()


def compose(q: str, args: Any) -> str:
    """The query the filters make: the words typed, then a field for each control set."""
    parts = [q.strip()] if q.strip() else []
    site = (args.get("site") or "").strip()
    if site:
        parts.append(f"site:{site.split()[0]}")
    if args.get("kind") in KINDS:
        parts.append(f"kind:{args['kind']}")
    days = (args.get("days") or "").strip()
    if re.fullmatch(r"[0-9]{1,5}", days) and int(days) > 0:
        parts.append(f"after:{int(days)}d")
    if args.get("unanswered"):
        parts.append("is:unanswered")
    if args.get("ours"):
        parts.append("is:ours")
    if args.get("state") in STATES:
        parts.append(f"state:{args['state']}")
    if args.get("moved"):
        parts.append("is:moved")
    return " ".join(parts)


def marked(text: str | None, marks: Sequence[Sequence[int]] | None) -> Markup:
    """``text`` escaped, with the matched words in <mark> (offsets from search: [start, end))."""
    text = strip_controls(text or "")
    out, at = [], 0
    for start, end in sorted(marks or ()):
        if start < at or end > len(text):
            continue
        out += [escape(text[at:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def web_url(url: str | None) -> str:
    """A link to follow: http(s) only (a crawled ``javascript:`` or ``data:`` link becomes no link)."""
    url = (url or "").strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") else "#"


def local_target(target: str | None, default: str) -> str:
    """Where to go back to after a form: a path on this page only (never ``//host`` or ``/\\host``)."""
    target = target or ""
    if not target.startswith("/") or target.startswith(("//", "/\\")) or "\\" in target or any(
            ord(c) < 32 for c in target):
        return default
    return target


def chart(values: Sequence[int], width: int = 120, height: int = 24) -> Markup:
    """A small bar chart of activity over time, as inline SVG (no script, no style attribute)."""
    top = max(values or [0]) or 1
    step = width / max(1, len(values))
    bars = "".join(f'<rect x="{i * step:.1f}" y="{height - v / top * height:.1f}" width="{step - 1:.1f}" '
                   f'height="{v / top * height:.1f}" fill="#3b6ea5"/>' for i, v in enumerate(values))
    label = escape(f"activity over the window, oldest first: {', '.join(str(v) for v in values)}")
    return Markup(f'<svg class="chart" width="{width}" height="{height}" role="img" aria-label="{label}">'
                  f"<title>{label}</title>{bars}</svg>")


def _secret(store: Store) -> str:
    secret = store.setting(SECRET)
    if secret is None:
        secret = secrets.token_hex(32)
        store.set_setting(SECRET, secret)
    return secret


def create_app(cfg: Settings, *, host: str = "127.0.0.1", secret_key: str | None = None,
               clock: Callable[[], float] = time.monotonic) -> Flask:
    """The web application for ``cfg``; ``host`` is what it is bound to (a password is asked elsewhere than on
    loopback; on loopback, only requests naming this machine are answered, so that a web page elsewhere whose
    name was made to point here (DNS rebinding) cannot use it). ``clock`` (seconds) paces wrong passwords."""
    # named paths: Flask's own search for them fails on the package's namespace (threadscout.search.web)
    app = Flask(__name__, root_path=str(Path(__file__).resolve().parent),
                instance_path=str((cfg.data_dir / "web").resolve()))
    guarded = not is_loopback(host)
    # the page's own settings (its key, the password's hash): one store for the process, not one per request
    settings_store = Store(cfg.database_url)
    signed_in = WebSessions(settings_store)
    throttle = LoginThrottle(clock)
    app.config.update(SECRET_KEY=secret_key or _secret(settings_store), WTF_CSRF_TIME_LIMIT=None,
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      MAX_CONTENT_LENGTH=64 * 1024, TRUSTED_HOSTS=None if guarded else LOOPBACK_NAMES)
    CSRFProtect(app)
    app.jinja_env.filters["marked"] = marked
    app.jinja_env.filters["one_line"] = one_line
    app.jinja_env.filters["web_url"] = web_url
    app.jinja_env.filters["day"] = lambda iso: (iso or "")[:10] or "-"
    app.jinja_env.globals.update(chart=chart, mission=cfg.mission, STATES=STATES, KINDS=KINDS, MESSAGES=MESSAGES)

    def password_hash() -> str | None:
        return settings_store.setting(PASSWORD)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if request.endpoint != "static":
            response.headers["Cache-Control"] = "no-store"     # nothing a staff member saw stays in a cache
        return response

    def fingerprint(stored: str | None) -> str | None:
        return stored[-16:] if stored else None          # a new password signs every session out

    @app.before_request
    def gate() -> Any:
        if not guarded or request.endpoint in ("login", "static"):
            return None
        stored = password_hash()
        if stored is None:
            return render_template("locked.html", host=host), 403
        if session.get("signed_in"):
            if session.get("key") == fingerprint(stored) and signed_in.alive(session.get("sid")):
                return None
            session.clear()                   # signed out elsewhere, or a new password: this copy is done
            return redirect(url_for("login", next=request.full_path, message="ended"))
        return redirect(url_for("login", next=request.full_path))

    @app.errorhandler(ThreadscoutError)
    def failed(exc: ThreadscoutError) -> Any:
        code = 400 if exc.exit_code == 2 else 404 if exc.__class__.__name__ == "NotFoundError" else 500
        return render_template("error.html", message=str(exc)), code

    @app.errorhandler(CSRFError)
    def stale_form(exc: CSRFError) -> Any:
        return render_template("error.html", message="The form was too old or not from this page: try again."), 400

    def tell(message: str | None) -> None:
        """What a form did, shown once on the next page (kept in the signed session, never in the URL)."""
        if message:
            flash(message[:TOLD_AT_MOST])

    def back(default: str, message: str | None = None) -> Any:
        tell(message)
        return redirect(local_target(request.form.get("next"), default))

    @app.post("/logout")
    def logout() -> Any:
        signed_in.end(session.get("sid"))
        session.clear()
        return redirect(url_for("login", message="signed-out"))

    def wrong_password(client: str) -> str | None:
        """Logs a wrong password, and the wait it began if it did; returns what the page says of that wait."""
        waits = throttle.wrong(client)
        log.warning("wrong password from %s (%d in a row)", client, throttle.failures(client))
        if waits is None:
            return None
        if waits.everyone:
            log.warning("signing in paused for everyone for %d s: too many wrong passwords", waits.retry_after)
        else:
            log.warning("signing in refused to %s for %d s after %d wrong passwords in a row", client,
                        waits.retry_after, waits.failures)
        return waits.words()

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        stored = password_hash()
        wrong, refused = False, None
        if request.method == "POST" and stored:
            client = client_key(request.remote_addr)
            waiting = throttle.admit(client)
            if waiting is not None:
                log.warning("sign-in refused to %s: %s", client,
                            "paused for everyone" if waiting.everyone else "waiting after wrong passwords")
                page = render_template("login.html", set=True, wrong=False, refused=waiting.words(), host=host)
                return page, 429, {"Retry-After": str(waiting.retry_after)}
            if check_password_hash(stored, request.form.get("password", "")):
                throttle.right(client)
                signed_in.end(session.get("sid"))
                session.clear()
                session.update(signed_in=True, key=fingerprint(stored),
                               sid=signed_in.begin(app.permanent_session_lifetime))
                return back("/")
            wrong, refused = True, wrong_password(client)
        elif request.method == "POST":
            wrong = True
        return (render_template("login.html", set=stored is not None, wrong=wrong, refused=refused, host=host),
                401 if wrong else 200)

    @app.route("/")
    def search_page() -> Any:
        q = request.args.get("q", "")
        query = compose(q, request.args)
        page = min(MAX_PAGE, max(1, request.args.get("page", 1, type=int) or 1))
        sort = request.args.get("sort") if request.args.get("sort") in ("recent", "active") else "relevance"
        results = search(cfg, query, limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE, sort=sort)
        more = len(results) > PER_PAGE
        args = {k: v for k, v in request.args.items() if k != "page"}
        return render_template("search.html", q=q, query=query, results=results[:PER_PAGE], page=page, more=more,
                               args=request.args, sort=sort,
                               page_url=lambda n: "/?" + urlencode({**args, "page": n}))

    @app.route("/where")
    def where_page() -> Any:
        q = request.args.get("q", "")
        days = min(3650, max(1, request.args.get("days", 30, type=int) or 30))
        return render_template("where.html", q=q, days=days, places=where(cfg, q, days=days))

    @app.route("/thread")
    def thread_page() -> Any:
        url = request.args.get("url", "")
        if not url:
            abort(404)
        q = request.args.get("q") or None
        return render_template("thread.html", view=show(cfg, url, q), q=q or "")

    @app.post("/mark")
    def mark() -> Any:
        state = request.form.get("state", "")
        if state not in STATES:
            abort(400)
        said = jobs.mark(cfg, request.form.get("url", ""), state, (request.form.get("by") or "").strip() or None,
                         request.form.get("note") if "note" in request.form else None)
        return back("/", said)

    @app.route("/sources")
    def sources_page() -> Any:
        store = jobs.open_store(cfg)
        try:
            health = jobs.source_health(cfg, store)
        finally:
            store.close()
        return render_template("sources.html", sources=health)

    @app.post("/sources/add")
    def sources_add() -> Any:
        kind = request.form.get("kind") or None
        said = jobs.add_source(cfg, request.form.get("url", "").strip(),
                               kind if kind in ("feed", "site", "forum", "query") else None)
        tell(said)
        return redirect(url_for("sources_page"))

    @app.post("/sources/remove")
    def sources_remove() -> Any:
        tell(jobs.remove_source(cfg, request.form.get("url", "")))
        return redirect(url_for("sources_page"))

    @app.route("/alerts")
    def alerts_page() -> Any:
        report = read_status(cfg)
        return render_template("alerts.html", report=report)

    @app.post("/alerts/add")
    def alerts_add() -> Any:
        notify = [u.strip() for u in request.form.get("notify", "").splitlines() if u.strip()]
        said = saved.add(cfg, request.form.get("name", ""), request.form.get("query", ""), notify,
                         request.form.get("digest") or None, request.form.get("backfill") or None)
        tell(said)
        return redirect(url_for("alerts_page"))

    @app.post("/alerts/remove")
    def alerts_remove() -> Any:
        tell(saved.remove(cfg, request.form.get("name", "")))
        return redirect(url_for("alerts_page"))

    @app.post("/alerts/test")
    def alerts_test() -> Any:
        results = saved.test(cfg, request.form.get("name", ""))
        said = "; ".join(f"{'sent' if r.delivered else 'FAILED'}: {r.channel}" + (f" ({r.error})" if r.error else "")
                         for r in results)
        tell(said)
        return redirect(url_for("alerts_page"))

    @app.route("/links")
    def links_page() -> Any:
        places = community.places(cfg)
        return render_template("links.html", places=places, fragment=community.render(cfg, places, "html"))

    @app.route("/links.<form>")
    def links_file(form: str) -> Any:
        if form not in LINK_TYPES:
            abort(404)
        return Response(community.render(cfg, community.places(cfg), form), mimetype=LINK_TYPES[form])

    @app.post("/links/add")
    def links_add() -> Any:
        community.add(cfg, request.form.get("url", ""), site=bool(request.form.get("site")))
        return back("/links")

    @app.post("/links/remove")
    def links_remove() -> Any:
        community.remove(cfg, request.form.get("url", ""))
        return back("/links")

    return app


def _serve_log(cfg: Settings) -> None:
    """The page's log (wrong passwords, sign-ins refused): data folder, logs/serve.log."""
    folder = cfg.data_dir / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "serve.log", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write the page's log in {folder}: {exc.strerror or exc}") from None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def serve(cfg: Settings, host: str, port: int, say: Callable[[str], None]) -> None:
    """Serve the page with waitress until stopped; says the URL it serves (port 0: a free one)."""
    from waitress.server import create_server

    app = create_app(cfg, host=host)
    try:
        server = create_server(app, host=host, port=port, threads=4, ident="threadscout")
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot serve on {host}:{port}: {exc}") from None
    _serve_log(cfg)
    shown = f"[{host}]" if ":" in host else host
    say(f"Serving threadscout on http://{shown}:{server.effective_port}/ (Ctrl-C stops it)")
    if not is_loopback(host):
        store = Store(cfg.database_url)
        try:
            if store.setting(PASSWORD) is None:
                say("threadscout: warning: no password is set, so every page is locked; set one with "
                    "`threadscout serve --set-password`")
        finally:
            store.close()
    server.run()


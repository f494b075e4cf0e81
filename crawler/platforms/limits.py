"""A platform's rate limit as its answers say it, for the politeness middleware (``Platform.limited``)."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response

from threadscout.crawler.platforms import Answer, Limit
from threadscout.crawler.platforms.registry import PLATFORMS


def answer_of(response: Response) -> Answer:
    headers = {k.decode("latin-1").lower(): v[-1].decode("latin-1") for k, v in response.headers.items() if v}
    return Answer(url=response.url, status=response.status, headers=headers, body=response.body)


def limit_of(request: Request, response: Response) -> Limit | None:
    platform = PLATFORMS.get(request.meta.get("platform", ""))
    limited = getattr(platform, "limited", None)
    if limited is None:
        return None
    try:
        return limited(answer_of(response))
    except Exception:  # noqa: BLE001 - an answer the platform cannot read says nothing of its limit
        return None

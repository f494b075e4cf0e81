"""The crawl's own Scrapy signals. The spider sends them; the store extension records what they say, so that
the spider only selects, follows and yields.

    source_result     one crawl's attempt at a configured source ended (keyword arguments: source, status,
                      error, error_kind, kind, etag, last_modified, retry_after; error is None on success)
    fetch_processed   a response was fully processed and may be answered from validators next time
                      (url, etag, last_modified)
    feeds_found       a source's listing page names feeds (source, feeds): remembered for the source
    feeds_probed      a source's engine's well-known feed paths were asked for (source): not again
    page_gone         a page answered 404 or 410 (url, status): a conversation stored under it is marked gone
    page_failed       one request failed (progress displays count it)
    source_capped     a limit left out some of what a source offered in this crawl (source, capped: in words)
    source_note       a platform said something of our standing at a source (source, note: Stack Exchange's quota)
"""

from __future__ import annotations

source_result = object()
fetch_processed = object()
feeds_found = object()
feeds_probed = object()
page_gone = object()
page_failed = object()
source_capped = object()
source_note = object()

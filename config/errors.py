"""The project's exceptions.

    ThreadscoutError              every error threadscout raises on purpose; its message is for people
    ├── ConfigError               the configuration file is missing, unreadable or invalid (exit code 2)
    ├── UsageError                a command given something it cannot use, e.g. a folder in use (exit code 2)
    ├── StoreError                the database cannot be opened (exit code 2: fix storage in the config)
    ├── QueryError                a search query that cannot be parsed (exit code 2)
    ├── NotFoundError             a conversation or source that is not in the store (exit code 1)
    ├── IndexUnusableError        the search index is missing or damaged: `threadscout reindex` (exit code 1)
    ├── CrawlError                a crawl that could not fetch anything at all (exit code 1)
    └── AlreadyRunningError       `threadscout run` while another scheduler runs on the same database (exit code 1)

The CLI turns these into one line on stderr and an exit code; nothing else should reach a user as a traceback.
"""

from __future__ import annotations


class ThreadscoutError(Exception):
    exit_code = 1


class ConfigError(ThreadscoutError):
    exit_code = 2

    def __init__(self, file: str, key: str | None, problem: str) -> None:
        self.file, self.key, self.problem = file, key, problem
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {problem}")


class UsageError(ThreadscoutError):
    exit_code = 2


class StoreError(ThreadscoutError):
    exit_code = 2


class QueryError(ThreadscoutError):
    exit_code = 2


class NotFoundError(ThreadscoutError):
    exit_code = 1


class IndexUnusableError(ThreadscoutError):
    exit_code = 1


class CrawlError(ThreadscoutError):
    exit_code = 1


class AlreadyRunningError(ThreadscoutError):
    exit_code = 1

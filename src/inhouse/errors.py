"""The error family every layer raises and every edge translates.

Each class carries the HTTP status the web face answers with and the exit
code the CLI ends with, so neither edge needs to know the others' rules.
"""

from __future__ import annotations


class InhouseError(Exception):
    """Base of every error a user can cause or the environment can raise."""

    http_status = 500
    exit_code = 1
    retry_after: int | None = None  # seconds a client should wait before asking again (Retry-After)

    def __init__(self, message: str) -> None:
        message = "\\n".join(message.splitlines())  # one line, whatever a quoted value held
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # one clear line
        return self.message


class InvalidInput(InhouseError):
    """The user gave a value, file or option that cannot be used."""

    http_status = 422
    exit_code = 2


class NotFound(InhouseError):
    """A named record, file or repository does not exist."""

    http_status = 404
    exit_code = 3


class Conflict(InhouseError):
    """The request clashes with what is already stored (e.g. a duplicate name)."""

    http_status = 409
    exit_code = 4


class AnalyzerError(InhouseError):
    """An analyzer could not read its input (corrupt file, not a git repository...)."""

    http_status = 422
    exit_code = 5


class StorageUnavailable(InhouseError):
    """The database cannot be reached or is not initialised."""

    http_status = 503
    exit_code = 6
    retry_after = 5


class TooLarge(InvalidInput):
    """An upload or document over the size limit (``max_document_bytes``)."""

    http_status = 413


class Unauthenticated(InhouseError):
    """No signed-in user, or a session or token that is unknown, expired, revoked or disabled."""

    http_status = 401
    exit_code = 8


class Forbidden(InhouseError):
    """The signed-in user's role does not allow this (a partner user gets NotFound instead)."""

    http_status = 403
    exit_code = 9


class TooManyRequests(InhouseError):
    """Over a limit of one account's (jobs waiting or running): wait ``retry_after`` seconds."""

    http_status = 429
    exit_code = 10
    retry_after = 30


class NotAvailable(InhouseError):
    """The feature needs a service this version of inhouse does not have (yet)."""

    http_status = 501
    exit_code = 7

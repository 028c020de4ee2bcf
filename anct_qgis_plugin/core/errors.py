"""Exceptions of the data layer. Each carries a message a user can act on."""


class AnctError(Exception):
    """Base class: the message is already translated and complete."""


class MirrorError(AnctError):
    """A URL cannot be mapped into the mirror (it would leave the mirror root)."""


class DownloadError(AnctError):
    """The network or the server failed (status, time-out, truncated body)."""

    def __init__(self, message: str = "", status: int = 0):
        super().__init__(message)
        self.status = status  # the HTTP status that failed (0: no answer, a time-out, a cut body)


class CancelledError(AnctError):
    """The user cancelled the operation."""


class OfflineError(AnctError):
    """Offline mode is on and the cache has no copy."""


class ParseError(AnctError):
    """A file does not have the expected shape (format, columns, rows)."""


class TerritoryError(AnctError):
    """A territory code or name is unknown or ambiguous."""


class CatalogueError(AnctError):
    """An unknown layer id or a dataset without a matching file."""


class NotPublishedError(DownloadError):
    """The server (or the mirror) has no such file: 404 or 410, or absent from a folder mirror."""

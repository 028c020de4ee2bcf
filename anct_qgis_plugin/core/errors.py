"""Exceptions of the data layer. Each carries a message a user can act on."""

from .i18n import tr
from .secrets import shown


class AnctError(Exception):
    """Base class: the message is already translated and complete. It is made safe where it is
    made: a URL's credentials redacted, control characters of an echoed input escaped."""

    def __init__(self, *args: object):
        super().__init__(*(shown(arg) if isinstance(arg, str) else arg for arg in args))


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


class StorageError(AnctError):
    """A file or folder of ours cannot be written or read (a full disk, a file where a folder is
    expected): the message names it and says what to do."""

    driver_message = ""  # the whole message of the driver when the error's own keeps only its end


class NotPublishedError(DownloadError):
    """The server (or the mirror) has no such file: 404 or 410, or absent from a folder mirror."""


def bare(error: AnctError) -> AnctError:
    """The same error (class and message) without traceback, cause or context: an error kept for
    later keeps its traceback's frames alive, and with them everything the run holds (the sinks
    of an algorithm, whose files are then committed only when Python's cycle collector runs)."""
    copy = type(error)(*error.args)
    copy.__dict__.update(error.__dict__)  # what the error carries besides its message (an HTTP status)
    return copy


def short_reason(error: AnctError, mirror: bool = False) -> str:
    """Why a file could not be had, in a few words for a card or a list (the whole message, with
    its URLs and paths, goes to the log). ``mirror``: the files come from a mirror."""
    if isinstance(error, OfflineError):
        return tr("offline mode, and no copy in the cache")
    if isinstance(error, NotPublishedError):
        return tr("the mirror has no copy of the file") if mirror else tr("the publisher's file was not found")
    if isinstance(error, DownloadError):
        if error.status:
            return tr("the server answered with an error (HTTP {status})").format(status=error.status)
        return tr("no answer from the network")
    if isinstance(error, ParseError):
        return tr("the file is not in the expected shape")
    if isinstance(error, MirrorError):
        return tr("the mirror setting is wrong")
    if isinstance(error, StorageError):
        return tr("the cache cannot be written")
    return tr("could not be read")

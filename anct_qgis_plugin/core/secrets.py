"""Text safe to show: credentials never in clear, control characters never raw.

A mirror or source URL may carry a user name and a password (or a token as the user name)
before its host; a territory typed by a user may carry terminal escapes or a right-to-left
override. Every error (AnctError) and every log line goes through ``shown``.
"""

import re
import unicodedata

# The userinfo of a URL: everything between "scheme://" and the last "@" of the authority (the
# authority ends at the first "/", "?", "#" or blank). A password may itself hold an "@".
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s]*@")
_KEPT_CONTROLS = "\n\t"  # a message may run on several lines


def redacted(text: str) -> str:
    """A URL's user name and password, whatever they hold, become ``***``, anywhere in a text
    (a scheme, then ``***@`` and the host)."""
    return _USERINFO.sub(r"\1***@", str(text))


def escaped_controls(text: str) -> str:
    """Control and format characters (ANSI escapes, NUL, bidirectional overrides) written as
    ``\\x1b``, ``\\u202e``: visible, and unable to restyle a terminal or reorder a message."""
    return "".join(
        char
        if char in _KEPT_CONTROLS or unicodedata.category(char) not in ("Cc", "Cf")
        else (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        for char in str(text)
    )


def shown(text: str) -> str:
    """``text`` as it may be shown or logged: credentials redacted, control characters escaped."""
    return escaped_controls(redacted(text))

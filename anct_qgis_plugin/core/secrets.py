"""Credentials never leave in clear: a mirror or source URL may carry ``user:password@``."""

import re

_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s:]*:[^/@\s]*@")


def redacted(text: str) -> str:
    """``http://user:pass@host/x`` -> ``http://***@host/x``, anywhere in a text."""
    return _CREDENTIALS.sub(r"\1***@", str(text))

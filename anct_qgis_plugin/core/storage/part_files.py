"""Temporary files written beside a destination, then moved into place.

Their names carry the writing process's id: a run killed before its end (kill -9, a crash)
cannot remove its own, so the next run writing to the same destination removes those whose
process is gone.
"""

from __future__ import annotations

import glob
import os
import re
import uuid


def part_path(prefix: str, extension: str) -> str:
    """``<prefix><pid>-<random><extension>``: unique to this run, even two runs of one process."""
    return f"{prefix}{os.getpid()}-{uuid.uuid4().hex[:12]}{extension}"


def sweep_stale_parts(prefix: str) -> None:
    """Remove the files named ``<prefix>…`` whose process is gone (or that name none)."""
    for leftover in glob.glob(glob.escape(prefix) + "*"):
        match = re.match(r"(\d+)-", leftover[len(prefix) :])
        if match and _process_alive(int(match.group(1))):
            continue
        try:
            os.remove(leftover)
        except OSError:
            pass


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

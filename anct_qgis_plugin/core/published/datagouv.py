"""data.gouv.fr API v1: choose a dataset's file by what its publisher says of it.

A source states how its file is recognised: its format, its file name and/or its title (regular
expressions; either may match), and that it is a ``main`` resource (not documentation). When
several files fit, a source that follows vintages (``newest``) takes the newest — by the date
its publisher writes in the file name (``liste-fs-20240801.csv``), then by ``last_modified``
(a source may first rank by the vintage a name states: ``listeqp2024-cog2025.csv``);
any other source refuses to guess. No file, or a tie, is an error that lists what was published.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..errors import CatalogueError, ParseError
from ..i18n import tr

if TYPE_CHECKING:
    from .catalogue import DataGouvFile

NAME_DATE = re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
MAIN_TYPES = ("main", "")  # documents without a type predate the field: their files are data


def check_dataset_document(document: Any, url: str) -> dict:
    if not isinstance(document, dict) or not isinstance(document.get("resources"), list):
        raise ParseError(tr("{url} is not a data.gouv.fr dataset document (no 'resources').").format(url=url))
    return document


def resource_file_name(resource: dict) -> str:
    """The published file name: the last segment of the resource's URL."""
    return unquote(os.path.basename(urlsplit(str(resource.get("url") or "")).path))


def name_date(file_name: str | None) -> str:
    """The date a publisher writes in a file name (``…-20240801.csv`` -> ``2024-08-01``), or ''."""
    matches = NAME_DATE.findall(file_name or "")
    return "-".join(matches[-1]) if matches else ""


def _fits(resource: Any, locator: DataGouvFile) -> bool:
    if not isinstance(resource, dict):
        return False
    if str(resource.get("format") or "").lower() not in locator.formats:
        return False
    if str(resource.get("type") or "").lower() not in MAIN_TYPES:
        return False
    by_name = locator.file_name and re.fullmatch(locator.file_name, resource_file_name(resource), re.IGNORECASE)
    by_title = locator.title and re.search(locator.title, str(resource.get("title") or ""), re.IGNORECASE)
    return bool(by_name or by_title)


def _published(document: dict) -> str:
    return (
        "; ".join(
            f"{r.get('title')} ({resource_file_name(r) or '-'}, {r.get('format')}, {r.get('type') or '-'})"
            for r in document["resources"]
            if isinstance(r, dict)
        )
        or "-"
    )


def _recency(resource: dict, vintage: str = "") -> tuple[int, str, str]:
    """How recent a file is: the vintage its name states (``cog2025``), then the date in its name,
    then its last modification."""
    match = re.search(vintage, resource_file_name(resource), re.IGNORECASE) if vintage else None
    return (
        int(match.group(1)) if match else 0,
        name_date(resource_file_name(resource)),
        str(resource.get("last_modified") or ""),
    )


def select_resource(document: dict, locator: DataGouvFile) -> dict:
    """The one resource the locator's rule chooses; CatalogueError when none or several fit."""
    candidates = [resource for resource in document["resources"] if _fits(resource, locator)]
    if not candidates:
        raise CatalogueError(
            tr("Dataset '{dataset}' has no file that fits: {rule}. Files published: {available}").format(
                dataset=locator.dataset, rule=locator.describe(), available=_published(document)
            )
        )
    if len(candidates) == 1:
        return candidates[0]
    if locator.newest:
        ranked = sorted(candidates, key=lambda resource: _recency(resource, locator.vintage), reverse=True)
        if _recency(ranked[0], locator.vintage) != _recency(ranked[1], locator.vintage):
            return ranked[0]
    raise CatalogueError(
        tr(
            "Dataset '{dataset}' has several files that fit ({rule}): {files}. The publisher "
            "may have added a file: the catalogue must say which one to read."
        ).format(
            dataset=locator.dataset,
            rule=locator.describe(),
            files="; ".join(resource_file_name(r) or str(r.get("title")) for r in candidates),
        )
    )


def resource_download_url(resource: dict) -> str:
    """The stable link when there is one (one cache entry across updates), else the file URL."""
    url = resource.get("latest") or resource.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ParseError(tr("The resource '{title}' has no download link.").format(title=resource.get("title")))
    return url


def resource_sha1(resource: dict) -> str:
    checksum = resource.get("checksum") or {}
    return checksum.get("value", "") if isinstance(checksum, dict) and checksum.get("type") == "sha1" else ""


def resource_source_date(resource: dict) -> str:
    """The date the publisher gives the file: in its name, else its last modification."""
    modified = str(resource.get("last_modified") or "")[:10]
    return name_date(resource_file_name(resource)) or (modified if re.match(r"^\d{4}-\d{2}-\d{2}$", modified) else "")

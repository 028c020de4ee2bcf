"""data.gouv.fr API v1: pick the file of a dataset by format and name, newest first."""
import re

from .errors import CatalogueError, ParseError
from .i18n import tr


def check_dataset_document(document, url):
    if not isinstance(document, dict) or not isinstance(document.get("resources"), list):
        raise ParseError(tr("{url} is not a data.gouv.fr dataset document (no 'resources').").format(url=url))
    return document


def select_resource(document, locator):
    """The newest resource whose format is accepted and whose title or URL matches the pattern."""
    pattern = re.compile(locator.pattern, re.IGNORECASE)
    candidates = [
        resource for resource in document["resources"]
        if (resource.get("format") or "").lower() in locator.formats
        and (pattern.search(resource.get("title") or "") or pattern.search(resource.get("url") or ""))
    ]
    if not candidates:
        available = ", ".join(f"{r.get('title')} [{r.get('format')}]" for r in document["resources"]) or "-"
        raise CatalogueError(tr("Dataset '{dataset}' has no {formats} file matching '{pattern}'. "
                                "Files published: {available}").format(
            dataset=locator.dataset, formats="/".join(locator.formats), pattern=locator.pattern,
            available=available))
    return max(candidates, key=lambda r: r.get("last_modified") or "")


def resource_download_url(resource):
    """The stable link when there is one (one cache entry across updates), else the file URL."""
    return resource.get("latest") or resource["url"]


def resource_sha1(resource):
    checksum = resource.get("checksum") or {}
    return checksum.get("value", "") if checksum.get("type") == "sha1" else ""

"""Help pages of the algorithms: resources/help/<name>.<lang>.html, with shared fragments put in,
lists generated from the code, and a plain-text form for the terminal (``qgis_process help``
prints the help as it is given: raw HTML would be unreadable there)."""

import html
import os
import re
from typing import Callable, Optional

from qgis.core import QgsApplication

from ...core.travel.settings import ui_language
from ...resources_paths import resource_path

# A page names a fragment several algorithms share: <!-- include _network_parameters -->
INCLUDE = re.compile(r"<!--\s*include\s+([\w-]+)\s*-->")


def _catalogue_layers(language: str) -> str:
    """Every catalogue id with its title, from the catalogue itself (a new source needs no edit here)."""
    from ...core.published.catalogue import SOURCES

    return ", ".join(
        f"<code>{source.id}</code> ({html.escape(source.title_fr if language == 'fr' else source.title_en)})"
        for source in SOURCES
    )


def _words(entry, language: str) -> str:
    return ", ".join(part for part in (entry.label(language), entry.unit(language)) if part)


def _observatoire_indicators(language: str) -> str:
    """The curated Observatoire ids by theme, with label and unit, from their table."""
    from ...core.published.observatoire_indicators import CURATED, THEMES

    colon = " : " if language == "fr" else ": "  # French typography: a space before the colon
    items = []
    for theme, names in THEMES.items():
        entries = [
            f"<code>{entry.id}</code> ({html.escape(_words(entry, language), quote=False)})"
            for entry in CURATED
            if entry.theme == theme
        ]
        if entries:
            items.append(
                f"<li>{html.escape(names[0 if language == 'fr' else 1], quote=False)}{colon}{', '.join(entries)}</li>"
            )
    return "<ul>" + "".join(items) + "</ul>"


# Fragments written by the code rather than by a file: <!-- include _catalogue_layers -->
GENERATED: dict[str, Callable[[str], str]] = {
    "_catalogue_layers": _catalogue_layers,
    "_observatoire_indicators": _observatoire_indicators,
}


def help_page(name: str, language: str) -> Optional[str]:
    """resources/help/<name>.<language>.html with its fragments in place, or None."""
    if name in GENERATED:
        return GENERATED[name](language)
    path = resource_path("help", f"{name}.{language}.html")
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as stream:
        return INCLUDE.sub(lambda match: help_page(match.group(1), language) or "", stream.read())


def plain_text(page: str) -> str:
    """The page as a terminal shows it: headings and paragraphs on their own lines, list items
    with a dash, tags gone, entities decoded."""
    text = re.sub(r"\s*\n\s*", " ", page)
    text = re.sub(r"(?i)<h\d[^>]*>", "\n\n", text)
    text = re.sub(r"(?i)</h\d>", "\n", text)
    text = re.sub(r"(?i)<li[^>]*>", "\n- ", text)
    text = re.sub(r"(?i)<(p|br|ul|ol|table|tr)\b[^>]*>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    lines = (" ".join(line.split()) for line in html.unescape(text).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def help_text(name: str) -> str:
    """The algorithm's help in the user's language (English when not translated): HTML with its
    source lines joined for the dialog (its help panel turns every line break into a break), plain
    text under qgis_process."""
    for language in (ui_language(), "en"):
        page = help_page(name, language)
        if page is not None:
            if QgsApplication.platform() == "qgis_process":
                return plain_text(page)
            return re.sub(r"\s*\n\s*", " ", page).strip()
    return ""

"""The Observatoire des territoires: indicator ids, the download API's request, and its four file shapes.

Evidence (../shared/docs/observatoire.md, samples in ../shared/data/observatoire/):
- API CSV answer (``&format=csv``): ``;``, header on line 1, ``codgeo;libgeo[;an][;sexe];<indic>``
  (anct-cartographie-nationale/mednum-cli ``src/transformer/data/frr`` @ 525661ab; 10ch81/territoire-portrait
  ``lib/sources.ts`` @ 90b40441);
- API XLSX answer (no ``format``): sheet ``Data``, four title rows (A2 ``<dataset label> (<geography>)``, row 4
  the indicator's label), header ``codgeo, libgeo, [an], [sexe], <indic>``, ``an`` as text, long format; a
  sheet named after the indicator with its label, ``Source:`` and ``Description:`` (Hassan60200/Projet_m-moire_IA
  ``data/chomage.xlsx`` @ feadffd3);
- the map's CSV export: BOM, ``;``, two title lines (``Référentiel géographique : …``), ``Code;Libellé;<label>
  <year>``, missing = ``N/A - résultat non disponible`` (Hpoinseaux/diag_360 ``backend/scripts/source/i032.csv``
  @ 9f44f5f0);
- the map's XLSX export: sheet ``Data`` (producer, ``Référentiel géographique : …``, ``Indic1``, header ``Code,
  Libellé, <label year>``), a sheet ``Indic1`` with Libellé, Source, Unité, Précisions and a map link
  ``…?indics=<dataset>.<indic>&serie=<year>`` (nonolekoko369/… ``data/densité.xlsx`` @ b2592de5).
A missing or secret value is NULL, never 0; a zoning's ``-9999`` ("not classified") is NULL too, counted.
The files are recognised by their content, never by their name.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from ..errors import ParseError
from ..i18n import tr
from .catalogue import OBSERVATOIRE_DOWNLOAD
from .parsers import read_rows, read_sheets

PUBLISHER = "Observatoire des territoires (ANCT)"
MAP_LINK = "https://www.observatoire-des-territoires.gouv.fr/outils/cartographie-interactive/#c=indicator&i={id}"
# LEVEL -> the API's nivgeo (com2025, epci2025 and dep seen in calls; reg was not: "where published").
NIVGEO = {"communes": "com2025", "epci": "epci2025", "departements": "dep", "regions": "reg"}
NOT_CLASSIFIED = "-9999"  # a zoning's "not classified" (FRR; mednum-cli frr.transfer.ts @ 525661ab)
MISSING_MARKERS = ("", "n/a", "na", "nd", "n.d.", "s", "secret", "-")
ID_PATTERN = re.compile(r"^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$")
TRAILING_YEAR = re.compile(r"\s+((?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?)$")
ID_COLUMNS = ("codgeo", "libgeo", "an", "sexe")
HTML_START = ("<!doctype", "<html")


class IndicatorError(ParseError):
    """An indicator id, a link or an answer the Observatoire reader cannot use: said in words."""


@dataclass(frozen=True)
class IndicatorId:
    dataset: str
    indic: str

    def __str__(self) -> str:
        return f"{self.dataset}.{self.indic}"

    def url(self, level: str) -> str:
        """The download API's CSV answer at a level (the FRR source's request, another id)."""
        return OBSERVATOIRE_DOWNLOAD.format(nivgeo=NIVGEO[level], dataset=self.dataset, indic=self.indic)


def _id_from_link(text: str) -> IndicatorId | None:
    """``…#c=indicator&i=<dataset>.<indic>&s=…`` or ``…?view=map9&indics=<dataset>.<indic>&serie=…``."""
    parts = urlsplit(text)
    for query in (parts.fragment, parts.query):
        for key, value in parse_qsl(query):
            if key in ("i", "indics"):
                match = ID_PATTERN.match(value.split(",")[0].strip())
                if match:
                    return IndicatorId(*match.groups())
    return None


def parse_indicator(text: str) -> IndicatorId:
    """``dataset.indic`` or a pasted map link -> IndicatorId; anything else is an error in words."""
    text = (text or "").strip()
    match = ID_PATTERN.match(text)
    found = IndicatorId(*match.groups()) if match else (_id_from_link(text) if "://" in text else None)
    if found is None:
        raise IndicatorError(
            tr(
                "'{text}' is not an Observatoire des territoires indicator: give dataset.indic (insee_rp_hist_1968."
                "dens_pop) or paste a link of its map (…#c=indicator&i=dataset.indic or …?indics=dataset.indic)."
            ).format(text=text)
        )
    return found


def parse_indicators(text: str) -> list[IndicatorId]:
    """Ids or map links separated by commas, semicolons or spaces -> IndicatorIds, each once, in order."""
    found = [parse_indicator(part) for part in re.split(r"[\s;,]+", text or "") if part]
    return list(dict.fromkeys(found))


@dataclass
class IndicatorRow:
    code: str
    name: str
    year: str
    value: float | str | None


@dataclass
class IndicatorTable:
    """An indicator read from any of the four shapes: one row per place and year (sexe T kept)."""

    shape: str  # api_csv, api_xlsx, map_csv, map_xlsx
    column: str  # the value's name: the indicator id's ``indic``, else the export's column label
    rows: list
    indicator: IndicatorId | None = None
    label: str = ""
    unit: str = ""
    source: str = ""
    description: str = ""
    geography: str = ""  # as the file names it: "Département", "EPCI / EPT (2025)"
    not_classified: int = 0  # -9999 cells read as NULL
    missing: int = 0  # empty, N/A and secret cells read as NULL
    numeric: bool = True  # False: categories (a zoning's classes written as text)
    notes: list = field(default_factory=list)

    @property
    def years(self) -> list[str]:
        return sorted({row.year for row in self.rows if row.year})


def _value(cell: str, table: IndicatorTable) -> float | str | None:
    text = cell.strip()
    if text == NOT_CLASSIFIED:
        table.not_classified += 1
        return None
    if text.lower() in MISSING_MARKERS or text.lower().startswith("n/a"):
        table.missing += 1
        return None
    try:
        return float(text.replace("\u202f", "").replace(" ", "").replace(",", ".").rstrip("%"))
    except ValueError:
        table.numeric = False
        return text


def _found(rows: list[list[str]]) -> str:
    """What the first rows of a file hold, for an error that names it."""
    cells = [cell for row in rows[:6] for cell in row if cell.strip()]
    return " | ".join(cells[:8])[:200] or tr("nothing")


def _header_at(rows: list[list[str]], first: str, second: str) -> int | None:
    for number, row in enumerate(rows[:12]):
        cells = [cell.strip().lower() for cell in row]
        if len(cells) >= 3 and cells[0] == first and cells[1] == second:
            return number
    return None


def _long_rows(rows: list[list[str]], at: int, table: IndicatorTable, path: str) -> None:
    """The API's long format below its header: codgeo, libgeo, [an], [sexe], <indic>; sexe T only."""
    header = [cell.strip() for cell in rows[at]]
    lowered = [cell.lower() for cell in header]
    values = [n for n, name in enumerate(lowered) if name and name not in ID_COLUMNS]
    if not values:
        raise IndicatorError(
            tr("{file}: the header {header} has no value column after codgeo and libgeo.").format(
                file=os.path.basename(path), header=", ".join(header)
            )
        )
    value_at = values[0]
    year_at = lowered.index("an") if "an" in lowered else None
    sexe_at = lowered.index("sexe") if "sexe" in lowered else None
    table.column = header[value_at]
    for row in rows[at + 1 :]:
        row = row + [""] * (len(header) - len(row))
        if not row[0].strip() or (sexe_at is not None and row[sexe_at].strip().upper() not in ("T", "")):
            continue
        year = row[year_at].strip() if year_at is not None else ""
        table.rows.append(IndicatorRow(row[0].strip(), row[1].strip(), year, _value(row[value_at], table)))
    if sexe_at is not None:
        table.notes.append(tr("Rows by sex: the total (T) is kept."))


def _export_rows(rows: list[list[str]], at: int, table: IndicatorTable) -> None:
    """The map export below its header: Code, Libellé, ``<label> <year>`` (one year, wide)."""
    label = rows[at][2].strip()
    match = TRAILING_YEAR.search(label)
    year = match.group(1).replace(" ", "") if match else ""
    table.label = table.label or (label[: match.start()] if match else label)
    table.column = table.label
    for row in rows[at + 1 :]:
        if len(row) < 3 or not row[0].strip():
            continue
        table.rows.append(IndicatorRow(row[0].strip(), row[1].strip(), year, _value(row[2], table)))


def _geography(rows: list[list[str]]) -> str:
    for row in rows[:4]:
        for cell in row:
            if ":" in cell and "géographique" in cell.lower():
                return cell.split(":", 1)[1].strip()
    return ""


def _sheet_fields(rows: list[list[str]]) -> dict[str, str]:
    """A metadata sheet's fields: a title cell (``Source:``, ``Unité``) and the next non-empty cell."""
    cells = [row[0].strip() for row in rows if row and row[0].strip()]
    keys = [_meta_key(cell) for cell in cells]
    fields: dict[str, str] = {}
    for number, key in enumerate(keys[:-1]):
        if key and not keys[number + 1]:  # a title followed by another title has no text (empty description)
            fields.setdefault(key, cells[number + 1])
    return fields


def _meta_key(cell: str) -> str:
    key = cell.rstrip(": ").strip().lower()
    if key in ("libellé", "source", "unité", "description", "précisions", "formule", "an"):
        return key
    return "lien" if key.startswith("lien vers") else ""


def _read_text_file(path: str, table_name: str) -> IndicatorTable:
    rows = read_rows(path, table_name)
    first = rows[0][0].strip().lower() if rows and rows[0] else ""
    if first.startswith(HTML_START):
        raise IndicatorError(
            tr("{file} is an HTML page, not an Observatoire answer (an error page of the server?).").format(
                file=os.path.basename(path)
            )
        )
    if _header_at(rows, "codgeo", "libgeo") == 0:
        table = IndicatorTable("api_csv", "", [])
        _long_rows(rows, 0, table, path)
        return table
    at = _header_at(rows, "code", "libellé")
    if at is not None:
        table = IndicatorTable("map_csv", "", [], geography=_geography(rows))
        _export_rows(rows, at, table)
        return table
    raise IndicatorError(
        tr(
            "{file} is neither an answer of the Observatoire's API (codgeo;libgeo;…) nor an export of its map "
            "(Code;Libellé;…): it starts with {found}."
        ).format(file=os.path.basename(path), found=_found(rows))
    )


def _read_workbook(path: str, table_name: str) -> IndicatorTable:
    sheets = read_sheets(path, table_name)
    data = sheets.get("Data") or next(iter(sheets.values()), [])
    at = _header_at(data, "codgeo", "libgeo")
    if at is not None:
        table = IndicatorTable("api_xlsx", "", [])
        _long_rows(data, at, table, path)
        meta = sheets.get(table.column)
        fields = _sheet_fields(meta or [])
        label_row = data[at - 1] if at else []
        table.label = (meta[0][0].strip() if meta and meta[0] else "") or next(
            (cell for cell in label_row if cell.strip()), ""
        )
        table.source, table.description = fields.get("source", ""), fields.get("description", "")
        title = data[1][0] if len(data) > 1 and data[1] else ""
        table.geography = title[title.rfind("(") + 1 :].rstrip(")") if "(" in title else ""
        return table
    at = _header_at(data, "code", "libellé")
    if at is not None:
        meta = next((rows for name, rows in sheets.items() if name.lower().startswith("indic")), [])
        fields = _sheet_fields(meta)
        table = IndicatorTable(
            "map_xlsx",
            "",
            [],
            label=fields.get("libellé", ""),
            unit=fields.get("unité", ""),
            source=fields.get("source", ""),
            description=fields.get("précisions", ""),
            geography=_geography(data),
            indicator=_id_from_link(fields.get("lien", "")),
        )
        if table.label:
            table.label = TRAILING_YEAR.sub("", table.label)
        _export_rows(data, at, table)
        return table
    raise IndicatorError(
        tr(
            "{file} is a workbook without the Observatoire's header (codgeo, libgeo, … or Code, Libellé, …) in "
            "its sheets {sheets}: its first cells are {found}."
        ).format(file=os.path.basename(path), sheets=", ".join(sheets) or "-", found=_found(data))
    )


def read_indicator(path: str, table_name: str = "observatoire") -> IndicatorTable:
    """An API answer (CSV or XLSX) or a map export (CSV or XLSX), recognised by its content."""
    with open(path, "rb") as stream:
        head = stream.read(4)
    table = _read_workbook(path, table_name) if head.startswith(b"PK") else _read_text_file(path, table_name)
    if not table.rows:
        raise IndicatorError(
            tr("{file} holds the Observatoire's header but no row.").format(file=os.path.basename(path))
        )
    return table

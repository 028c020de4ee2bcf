"""Readers for the real files and their quirks.

CSV: UTF-8 with or without BOM (cp1252 tolerated), ``,`` or ``;`` sniffed, codes kept as text,
Excel-protected cells ``="01004"``, several values in one cell, dates in three styles.
XLSX (INSEE's commune grids) through GDAL, the header found below the title rows; a ZIP wrapping one
workbook (INSEE's ept_au_01-01-<year>.zip) read as that workbook.
JSON, GeoJSON and ZIP-wrapped GeoJSON through OGR. A missing column names the column, the
file and the source.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ParseError
from ..i18n import tr

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from qgis.core import QgsVectorLayer

EXCEL_TEXT = re.compile(r'^="(.*)"$')
MULTI_SEPARATOR = re.compile(r"\s*[;,]\s*")
LABEL_SEPARATOR = re.compile(r"\s*;\s*")
DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
VECTOR_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp")


@dataclass
class Table:
    columns: list
    rows: list  # lists of cleaned strings, aligned with columns
    short_rows: int = 0  # rows with fewer cells than the header (padded with empty cells)


def clean_cell(value: str | None) -> str:
    value = (value or "").strip()
    match = EXCEL_TEXT.match(value)
    return match.group(1).strip() if match else value


def split_values(value: str | None, commas: bool = True) -> list[str]:
    """``"36044, 36063"`` or ``"ti-01 ; ti-02"`` -> list of values.

    Labels may contain commas ("Gex, Bugey"): split them on semicolons only.
    """
    separator = MULTI_SEPARATOR if commas else LABEL_SEPARATOR
    return [part for part in separator.split(value or "") if part]


def iso_date(value: str | None) -> str:
    """dd-mm-yyyy, dd/mm/yyyy and ISO -> yyyy-mm-dd; anything else is kept as published."""
    value = (value or "").strip()
    match = DATE_DMY.match(value)
    if match:
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    match = DATE_ISO.match(value)
    return "-".join(match.groups()) if match else value


def sniff_delimiter(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep])


BINARY_MAGIC = {b"\x1f\x8b": "gzip", b"PK": "ZIP", b"%PDF": "PDF", b"\xd0\xcf\x11\xe0": "XLS"}


def _read_text(path: str) -> str:
    """Text by its byte-order mark, else UTF-8, else Windows-1252; a binary file is an error."""
    with open(path, "rb") as stream:
        raw = stream.read()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    kind = next((name for magic, name in BINARY_MAGIC.items() if raw.startswith(magic)), None)
    if kind or b"\x00" in raw[:4096]:
        raise ParseError(
            tr("{file} is not a text file ({kind}): the server may have sent it compressed without saying so.").format(
                file=os.path.basename(path), kind=kind or tr("binary")
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # some spreadsheets re-export in Windows-1252


def resolve_columns(
    available: Sequence[str], wanted: Mapping[str, Sequence[str]], path: str, source: str
) -> dict[str, str]:
    """Map each canonical name to the column present in the file.

    ``wanted`` maps a canonical name to its accepted spellings (vintages, ADMIN EXPRESS 3/4).
    """
    lowered = {name.lower(): name for name in available}
    found = {}
    for canonical, spellings in wanted.items():
        match = next((lowered[s.lower()] for s in spellings if s.lower() in lowered), None)
        if match is None:
            raise ParseError(
                tr("Column '{column}' is missing in {file} (source '{source}'); columns found: {found}").format(
                    column=" / ".join(spellings),
                    file=os.path.basename(path),
                    source=source,
                    found=", ".join(available) or "-",
                )
            )
        found[canonical] = match
    return found


def read_csv(path: str, source: str, wanted: Mapping[str, Sequence[str]] | None = None) -> Table:
    """Read a CSV into a Table; check the wanted columns; refuse empty files.

    Quoted cells keep their line breaks (addresses, comments); trailing unnamed columns (the
    QPV list ends every line with ``;;;``) are dropped.
    """
    text = _read_text(path)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ParseError(tr("{file} (source '{source}') is empty.").format(file=os.path.basename(path), source=source))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        columns = [clean_cell(name) for name in next(reader)]
        rows = [[clean_cell(cell) for cell in row] for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise ParseError(
            tr("{file} (source '{source}') is not a valid CSV file: {error}").format(
                file=os.path.basename(path), source=source, error=error
            )
        ) from error
    while columns and not columns[-1]:
        columns.pop()
    if wanted:
        resolve_columns(columns, wanted, path, source)
    if not rows:
        raise ParseError(
            tr("{file} (source '{source}') has a header but no rows.").format(
                file=os.path.basename(path), source=source
            )
        )
    width = len(columns)
    return Table(columns, [(row + [""] * width)[:width] for row in rows], sum(1 for row in rows if len(row) < width))


# A workbook is refused before GDAL opens it when its parts unpack beyond this: GDAL parses a sheet
# whole, and a 2.9 MB workbook of 20 million empty rows took 5 GB. INSEE's national grid unpacks to
# 13 MB (34,880 rows of 12 columns), its largest sheet being nearly all of it.
MAX_XLSX_UNPACKED = 96 * 1024 * 1024
MAX_XLSX_ROWS = 200_000  # rows read from one sheet (France has about 35,000 communes)
HEADER_SEARCH_ROWS = 50  # the header sits below a few title rows


def _unreadable_xlsx(path: str, source: str) -> ParseError:
    return ParseError(
        tr("{file} (source '{source}') is not a readable XLSX workbook.").format(
            file=os.path.basename(path), source=source
        )
    )


def _check_unpacked_size(path: str, source: str) -> None:
    """Refuse a workbook whose parts unpack beyond MAX_XLSX_UNPACKED, counting the bytes actually
    inflated (the sizes an archive declares can lie)."""
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 20):
                        total += len(chunk)
                        if total > MAX_XLSX_UNPACKED:
                            raise ParseError(
                                tr(
                                    "{file} (source '{source}') unpacks to more than {mb} MB: refused (a "
                                    "national grid is about 13 MB). The server may have sent another file."
                                ).format(file=os.path.basename(path), source=source, mb=MAX_XLSX_UNPACKED >> 20)
                            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise _unreadable_xlsx(path, source) from error


def _cells(feature: Any) -> list[str]:
    return [
        clean_cell(feature.GetFieldAsString(i)) if feature.IsFieldSet(i) else "" for i in range(feature.GetFieldCount())
    ]


def _header_at(rows: list[list[str]], wanted: Mapping[str, Sequence[str]] | None) -> int | None:
    """Index of the header row: the first holding every wanted column (any spelling), or without
    wanted columns the first row as wide as the widest (title rows fill one cell)."""
    if wanted:
        spellings = [{s.lower() for s in names} for names in wanted.values()]
        return next(
            (n for n, row in enumerate(rows) if all({c.lower() for c in row} & names for names in spellings)), None
        )
    widths = [sum(1 for cell in row if cell) for row in rows]
    return widths.index(max(widths)) if widths and max(widths) > 1 else None


def _open_workbook(path: str, source: str) -> Any:
    """The workbook through GDAL, every cell as text and no header guessed (INSEE's and the
    Observatoire's sheets open with title rows that GDAL would take for the header); its size checked
    first. GDAL may raise RuntimeError (QGIS 3.40 turns its exceptions on): the callers turn it into
    the same 'not a readable XLSX workbook'."""
    from osgeo import gdal

    _check_unpacked_size(path, source)
    dataset = gdal.OpenEx(
        path,
        gdal.OF_VECTOR | gdal.OF_READONLY,
        allowed_drivers=["XLSX"],
        open_options=["HEADERS=DISABLE", "FIELD_TYPES=STRING"],
    )
    if dataset is None:
        raise _unreadable_xlsx(path, source)
    return dataset


def _capped_rows(sheet: Any, path: str, source: str, extra: int = 0) -> list[list[str]]:
    """The rows of a sheet as text cells, at most MAX_XLSX_ROWS (+ ``extra`` title rows)."""
    sheet.ResetReading()
    rows: list[list[str]] = []
    for feature in sheet:
        if len(rows) > MAX_XLSX_ROWS + extra:
            raise ParseError(
                tr("{file} (source '{source}'): sheet '{sheet}' has more than {n} rows: refused.").format(
                    file=os.path.basename(path), source=source, sheet=sheet.GetName(), n=MAX_XLSX_ROWS
                )
            )
        rows.append(_cells(feature))
    return rows


def read_xlsx(path: str, source: str, wanted: Mapping[str, Sequence[str]] | None = None) -> Table:
    """Read the workbook's sheet holding the wanted columns into a Table (header below title rows).

    Only the first rows of each sheet are looked at to find the header; when several sheets hold it
    (INSEE's documentation sheet repeats the grid's header), the one with the most rows is the data.
    Only that sheet is read, at most MAX_XLSX_ROWS rows.
    """
    try:  # GDAL answers None, or raises where QGIS turned its exceptions on (3.40 does)
        dataset = _open_workbook(path, source)
        sheets = [dataset.GetLayer(number) for number in range(dataset.GetLayerCount())]
        tops = []
        for sheet in sheets:
            sheet.ResetReading()
            top = [_cells(feature) for _n, feature in zip(range(HEADER_SEARCH_ROWS), sheet)]
            tops.append(top)
        fits = [
            (sheet, top, at) for sheet, top in zip(sheets, tops) for at in [_header_at(top, wanted)] if at is not None
        ]
        if not fits:  # no sheet holds them all: name what is missing against the widest header found
            headers = [top[at] for top in tops for at in [_header_at(top, None)] if at is not None]
            resolve_columns([c for c in max(headers, key=len, default=[]) if c], wanted or {}, path, source)
            raise ParseError(
                tr("{file} (source '{source}') holds no table.").format(file=os.path.basename(path), source=source)
            )
        sheet, top, at = max(fits, key=lambda fit: fit[0].GetFeatureCount())
        rows = _capped_rows(sheet, path, source, at)
    except RuntimeError as error:
        raise _unreadable_xlsx(path, source) from error
    columns = list(rows[at])
    while columns and not columns[-1]:
        columns.pop()
    body = [row for row in rows[at + 1 :] if any(row)]
    if not body:
        raise ParseError(
            tr("{file} (source '{source}') has a header but no rows.").format(
                file=os.path.basename(path), source=source
            )
        )
    width = len(columns)
    return Table(columns, [(row + [""] * width)[:width] for row in body])


def read_workbook(path: str, source: str, wanted: Mapping[str, Sequence[str]] | None = None) -> Table:
    """read_xlsx on a workbook, or on the one workbook a ZIP archive wraps (unpacked to a temporary
    folder, at most MAX_XLSX_UNPACKED bytes, under its own name so that messages name it)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if any(name.startswith("xl/") for name in names):  # the workbook itself (an XLSX is a ZIP)
                return read_xlsx(path, source, wanted)
            books = [name for name in names if name.lower().endswith(".xlsx") and not name.endswith("/")]
            if len(books) != 1:
                raise ParseError(
                    tr("The archive {file} (source '{source}') holds {n} workbooks (one expected): {names}").format(
                        file=os.path.basename(path), source=source, n=len(books), names=", ".join(names) or "-"
                    )
                )
            with tempfile.TemporaryDirectory() as folder:
                target = os.path.join(folder, os.path.basename(books[0]))
                with archive.open(books[0]) as stream, open(target, "wb") as out:
                    while chunk := stream.read(1 << 20):
                        if out.tell() + len(chunk) > MAX_XLSX_UNPACKED:
                            raise ParseError(
                                tr("{file} (source '{source}') unpacks to more than {mb} MB: refused.").format(
                                    file=books[0], source=source, mb=MAX_XLSX_UNPACKED >> 20
                                )
                            )
                        out.write(chunk)
                return read_xlsx(target, source, wanted)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise _unreadable_xlsx(path, source) from error


def read_sheets(path: str, source: str) -> dict[str, list[list[str]]]:
    """{sheet name: rows of text cells} of a workbook, every row as written (title rows included)."""
    try:
        dataset = _open_workbook(path, source)
        return {
            sheet.GetName(): _capped_rows(sheet, path, source)
            for sheet in (dataset.GetLayer(number) for number in range(dataset.GetLayerCount()))
        }
    except RuntimeError as error:
        raise _unreadable_xlsx(path, source) from error


def read_rows(path: str, source: str) -> list[list[str]]:
    """The cells of a delimited text file, every line as written (title lines included): for files
    whose header is not on the first line. The delimiter is sniffed on the first line."""
    text = _read_text(path)
    first_line = text.split("\n", 1)[0]
    try:
        return [
            [clean_cell(cell) for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
        ]
    except csv.Error as error:
        raise ParseError(
            tr("{file} (source '{source}') is not a valid CSV file: {error}").format(
                file=os.path.basename(path), source=source, error=error
            )
        ) from error


# How a source's ``reader`` reads its table (the other readers are vector files).
TABLE_READERS = {"csv": read_csv, "xlsx": read_workbook}


def read_json(path: str, source: str) -> Any:
    try:
        with open(path, encoding="utf-8-sig") as stream:
            return json.load(stream)
    except (ValueError, UnicodeDecodeError) as error:
        raise ParseError(
            tr("{file} (source '{source}') is not valid JSON: {error}").format(
                file=os.path.basename(path), source=source, error=error
            )
        ) from error


def _datasets(names: list[str]) -> list[str]:
    """The vector datasets of an archive: GeoJSON/GeoPackage files and shapefiles (by their .shp)."""
    return [n for n in names if n.lower().endswith(VECTOR_SUFFIXES) and not n.endswith("/")]


def ogr_uri(path: str, member: str = "") -> str:
    """An OGR path for a file, looking inside ZIP archives for the vector file they wrap.

    An archive holding several datasets is read only through ``member`` (a regular expression on
    the member's name, as the publisher names it): never by the order of its entries.
    """
    if not zipfile.is_zipfile(path):
        return path
    with zipfile.ZipFile(path) as archive:
        names = _datasets(archive.namelist())
    if member:
        chosen = [n for n in names if re.search(member, os.path.basename(n))]
    else:
        chosen = names
    if len(chosen) != 1:
        raise ParseError(
            tr("The archive {file} holds {n} datasets matching '{rule}' (one expected): {names}").format(
                file=os.path.basename(path), n=len(chosen), rule=member or "*", names=", ".join(names) or "-"
            )
        )
    return f"/vsizip/{path}/{chosen[0]}"


def open_vector(
    path: str, source: str, wanted: Mapping[str, Sequence[str]] | None = None, member: str = ""
) -> tuple[QgsVectorLayer, dict[str, str]]:
    """Open a vector file with OGR; return (layer, column mapping)."""
    from qgis.core import QgsVectorLayer

    try:
        uri = ogr_uri(path, member)
    except zipfile.BadZipFile as error:
        raise ParseError(
            tr("{file} (source '{source}') is a damaged ZIP archive.").format(
                file=os.path.basename(path), source=source
            )
        ) from error
    layer = QgsVectorLayer(uri, source, "ogr")
    if not layer.isValid():
        raise ParseError(
            tr("{file} (source '{source}') cannot be read as a vector layer.").format(
                file=os.path.basename(path), source=source
            )
        )
    mapping = resolve_columns(layer.fields().names(), wanted or {}, path, source)
    return layer, mapping


def check_json_list(path: str, source: str, wanted: Mapping[str, Sequence[str]]) -> list[dict]:
    """Validate a JSON list of objects (geo.api.gouv.fr reference tables)."""
    data = read_json(path, source)
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        raise ParseError(
            tr("{file} (source '{source}') is not a non-empty JSON list.").format(
                file=os.path.basename(path), source=source
            )
        )
    resolve_columns(list(data[0].keys()), wanted, path, source)
    return data

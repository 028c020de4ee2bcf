"""The atlas of several départements as one volume (OUTPUT_PDF): a contents page, bookmarks by
région then département, page numbers across the volume — read back as a reader's tools read
them (pdftotext, pypdf's outline); one département's PDF and the per-département sheets unchanged."""

import re
import shutil
import subprocess
import sys

import pytest
from qgis.core import QgsProcessingException

from .test_atlas import pdf_pages

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def page_text(path, page):
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def numbered(page, total):
    """The footer's "3 / 7" (pdftotext may read it "3/7")."""
    return re.compile(rf"\b{page} ?/ ?{total}\b")


def outline(path):
    """The PDF's bookmarks as [(title, page 1-based, [children])]."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))

    def walk(items):
        entries = []
        for item in items:
            if isinstance(item, list):
                entries[-1][2].extend(walk(item))
            else:
                page = reader.get_destination_page_number(item)  # None (pypdf 5) for a page not in the file
                entries.append((item.title, None if page is None else page + 1, []))
        return entries

    return walk(reader.outline)


def test_three_departements_in_one_volume(anct_env, run_alg, tmp_path):
    volume, folder = tmp_path / "atlas.pdf", tmp_path / "sheets"
    result = run_alg(
        "anct:department_atlas", {"DEPARTMENTS": "36,2A,18", "OUTPUT_PDF": str(volume), "OUTPUT_FOLDER": str(folder)}
    )
    assert result["SHEETS"] == 3
    # Région order (Centre-Val de Loire 24, then Corse 94), each région's départements as given.
    sizes = {code: pdf_pages(folder / f"atlas_{code}.pdf") for code in ("36", "18", "2A")}
    starts = {"36": 2, "18": 2 + sizes["36"], "2A": 2 + sizes["36"] + sizes["18"]}
    total = 1 + sum(sizes.values())
    assert pdf_pages(volume) == total

    contents = page_text(volume, 1)
    assert "Sommaire" in contents and "3 départements" in contents
    for code, name in (("36", "Indre"), ("18", "Cher"), ("2A", "Corse-du-Sud")):
        assert re.search(rf"{code}\s+{name}\s+{starts[code]}\b", contents), (code, contents)
    assert contents.index("Centre-Val de Loire") < contents.index("Indre") < contents.index("Cher")
    assert contents.index("Cher") < contents.index("Corse\n") < contents.index("Corse-du-Sud")

    assert outline(volume) == [
        ("Sommaire", 1, []),
        ("Centre-Val de Loire", starts["36"], [("Indre (36)", starts["36"], []), ("Cher (18)", starts["18"], [])]),
        ("Corse", starts["2A"], [("Corse-du-Sud (2A)", starts["2A"], [])]),
    ]
    for code, name in (("36", "Indre (36)"), ("18", "Cher (18)"), ("2A", "Corse-du-Sud (2A)")):
        assert name in page_text(volume, starts[code])  # the bookmark opens the sheet's first page
    for page in range(1, total + 1):  # every page numbered in the volume
        assert numbered(page, total).search(page_text(volume, page)), page
    # The per-département sheets keep their own numbers.
    assert numbered(1, 2).search(page_text(folder / "atlas_18.pdf", 1)) and sizes["18"] == 2
    assert f"/ {total}" not in page_text(folder / "atlas_18.pdf", 1)


def test_english_volume(anct_env, run_alg, tmp_path):
    volume = tmp_path / "centre.pdf"
    run_alg("anct:department_atlas", {"DEPARTMENTS": "reg:24", "OUTPUT_PDF": str(volume), "LANGUAGE": "en"})
    contents = page_text(volume, 1)
    assert "Contents" in contents and "2 départements — sheets produced on" in contents
    assert [entry[0] for entry in outline(volume)] == ["Contents", "Centre-Val de Loire"]
    assert [child[0] for child in outline(volume)[1][2]] == ["Cher (18)", "Indre (36)"]


def test_one_departement_pdf_is_its_sheet(anct_env, run_alg, tmp_path):
    single = tmp_path / "indre.pdf"
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_PDF": str(single)})
    assert pdf_pages(single) == 2 and outline(single) == []
    assert "Sommaire" not in page_text(single, 1) and numbered(1, 2).search(page_text(single, 1))


def test_without_pypdf_the_volume_names_the_package(anct_env, run_alg, tmp_path, feedback, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf raises ImportError, as when it is not installed
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="python3-pypdf"):
        run_alg("anct:department_atlas", {"DEPARTMENTS": "reg:24", "OUTPUT_PDF": str(out / "atlas.pdf")})
    assert not any(info.startswith("Sheet ") for info in feedback.infos)  # said before any sheet is drawn
    assert not list(out.iterdir())


def test_a_region_heading_never_ends_a_column(qgis_app):
    from anct_qgis_plugin.cartography.volume import VolumeSheet, contents_columns

    sheets = [VolumeSheet(f"{n:02}", f"D{n}", "11" if n < 4 else "24", "R", 2) for n in range(1, 8)]
    columns = contents_columns(sheets, "{region} (suite)", rows_per_column=5)
    assert [[row.kind[0] for row in column] for column in columns] == [
        ["r", "d", "d", "d"],  # the next région's blank line, heading and first département do not fit
        ["r", "d", "d", "d", "d"],
    ]


def test_a_region_going_on_in_the_next_column_heads_it_again(qgis_app):
    from anct_qgis_plugin.cartography.volume import VolumeSheet, contents_columns

    sheets = [VolumeSheet(f"{n:02}", f"D{n}", "28", "Normandie", 2) for n in range(1, 8)]
    columns = contents_columns(sheets, "{region} (suite)", rows_per_column=5)
    assert [[row.text for row in column] for column in columns] == [
        ["Normandie", "D1", "D2", "D3", "D4"],
        ["Normandie (suite)", "D5", "D6", "D7"],
    ]


def test_the_contents_of_france_take_two_pages_and_list_every_departement(qgis_app, tmp_path):
    """101 départements in 13 régions: two contents pages, so the first sheet starts on page 3."""
    from anct_qgis_plugin.cartography.export import export_combined_pdf
    from anct_qgis_plugin.cartography.texts import SheetTexts
    from anct_qgis_plugin.cartography.volume import Volume, VolumeSheet

    sheets = [
        VolumeSheet(f"{n:02}", f"Dép{n}", f"{n // 8:02}", f"Région{n // 8}", 2 + (n == 13)) for n in range(1, 102)
    ]
    volume = Volume(sheets, SheetTexts("fr"))
    assert volume.contents_pages == 2 and volume.first_pages["01"] == 3 and volume.total == 2 + 203
    assert volume.first_pages["14"] == 3 + 2 * 12 + 3  # after the three pages of the 13th
    path = tmp_path / "contents.pdf"
    front = [lambda painter, page=page: volume.paint_contents(painter, page) for page in range(2)]
    export_combined_pdf([], str(path), front, volume.bookmarks())
    text = page_text(path, 1) + page_text(path, 2)
    listed = re.findall(r"\b(\d{2,3})\s+Dép(\d+)\s+(\d+)\b", text)
    assert sorted((code, int(page)) for code, _name, page in listed) == sorted(volume.first_pages.items())
    assert numbered(2, 205).search(page_text(path, 2))
    marks = outline(path)
    assert len(marks) == 1 + 13 and sum(len(children) for _title, _page, children in marks) == 101

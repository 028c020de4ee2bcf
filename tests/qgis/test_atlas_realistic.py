"""The Indre sheet from the real data of ../shared/mirror (skipped when absent): checked, and
rendered to PNG — into docs/ for the README only with ``make docs-images`` (ANCT_DOCS_DIR)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from anct_qgis_plugin.core import service

from .test_atlas import pdf_text


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils missing")
def test_real_indre_sheet(shared_mirror, run_alg, tmp_path, monkeypatch):
    monkeypatch.setenv("ANCT_QGIS_MIRROR", str(shared_mirror))
    monkeypatch.setenv("ANCT_QGIS_CACHE_DIR", str(tmp_path / "cache"))
    service._INDEX_MEMO.clear()
    try:
        run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path)})
    finally:
        service._INDEX_MEMO.clear()
    pdf = tmp_path / "atlas_36.pdf"
    text = pdf_text(pdf)
    assert re.search(r"216[\s\u00a0]069", text)  # the national table's population of Indre
    assert "Centre-Val de Loire" in text and "241" in text
    (tmp_path / "sheet.txt").write_text(text)
    assert "CA Châteauroux Métropole" in text  # EPCI named from geo.api's /epcis
    assert "CC Coeur de Brenne" in text  # the 15th EPCI: the table continues on a page of its own
    # Every layer of the sheet is in the shared mirror; Arcep's fixed-broadband files are not (n.d., unranked).
    missing = re.search(r"Données indisponibles : (.*)", text).group(1).strip()
    assert missing == "France Très Haut Débit : fibre et débits filaires par commune (Arcep)"
    # Issue 23: each key figure's rank among the 101, the dot strip, the continued table's page.
    assert len(re.findall(r"rang \d+/101", text)) == 8  # one per key-figure box but the n.d. broadband
    last_page = text.split("\f")[2]
    assert "CC Coeur de Brenne" in last_page and "Indre (36)" in last_page and re.search(r"3\s*/\s*3", last_page)
    assert "Sources" in last_page
    docs = Path(os.environ.get("ANCT_DOCS_DIR") or tmp_path)  # tests never write into tracked files
    for page in (1, 2):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "80",
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(docs / f"atlas-36-page{page}"),
            ],
            check=True,
        )
    assert (docs / "atlas-36-page1.png").stat().st_size > 50_000
    english = tmp_path / "en"
    try:
        run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(english), "LANGUAGE": "en"})
    finally:
        service._INDEX_MEMO.clear()
    english_text = pdf_text(english / "atlas_36.pdf")
    assert len(re.findall(r"rank \d+/101", english_text)) == 8
    assert "Légende" not in english_text and "Legend" in english_text
    for page in (1, 2):  # the ranks and the national comparison in English too
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile"]
            + [str(english / "atlas_36.pdf"), str(docs / f"atlas-36-en-page{page}")],
            check=True,
        )

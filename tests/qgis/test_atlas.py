"""anct:department_atlas: PDFs checked as a reader would — pages, text, maps, fonts."""

import os
import re
import shutil
import subprocess
import unicodedata

import pytest
from qgis.core import QgsProcessingException

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def pdf_text(path):
    """The PDF's text; ligatures that newer Qt shapes (ﬁ, ﬀ) read back as plain letters."""
    return unicodedata.normalize(
        "NFKC",
        subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout,
    )


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def fonts_embedded(path):
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    return bool(rows) and all(row.split()[-5] == "yes" for row in rows)


def map_variance(path, tmp_path, page=1, box=(0.08, 0.36, 0.70, 0.92)):
    """Pixel variance of the main map area of a page (an empty map is flat white)."""
    from qgis.PyQt.QtGui import QImage

    stem = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(path), str(stem)],
        check=True,
    )
    image = QImage(str(stem) + ".png")
    left, top, right, bottom = (int(v * s) for v, s in zip(box, (image.width(), image.height()) * 2))
    values = [image.pixelColor(x, y).lightness() for x in range(left, right, 3) for y in range(top, bottom, 3)]
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def test_indre_sheet(anct_env, run_alg, tmp_path):
    result = run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path / "atlas")})
    pdf = tmp_path / "atlas" / "atlas_36.pdf"
    assert result["FILES"] == str(pdf) and pdf_pages(pdf) == 2
    text = pdf_text(pdf)
    assert re.search(r"72[\s\u00a0]744", text)  # population, French thousands separator
    for expected in (
        "Indre (36)",
        "Centre-Val de Loire",
        "Chiffres clés",
        "France services",
        "Sources",
        "Licence Ouverte",
        "ANCT",
        "Etalab",
    ):
        assert expected in text, expected
    assert text.count("Licence Ouverte") >= 2  # on every page
    assert fonts_embedded(pdf)
    assert map_variance(pdf, tmp_path) > 100


def test_english_sheet_and_combined_pdf_for_a_region(anct_env, run_alg, tmp_path):
    combined = tmp_path / "centre.pdf"
    result = run_alg("anct:department_atlas", {"DEPARTMENTS": "reg:24", "OUTPUT_PDF": str(combined), "LANGUAGE": "en"})
    assert result["SHEETS"] == 2 and pdf_pages(combined) == 5  # a contents page and two sheets
    text = pdf_text(combined)
    assert "Indre (36)" in text and "Cher (18)" in text and "sheet produced on" in text
    assert "Fixed site" in text and "5 to 10 km" in text and "Site fixe" not in text  # legends in English


def test_missing_layer_still_gives_a_sheet_marked_unavailable(anct_env, run_alg, mirror_server, tmp_path, feedback):
    mirror_server.add_fault("data.arcep.fr/mobile/sites", "status", code=404)
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path)})
    text = pdf_text(tmp_path / "atlas_36.pdf")
    assert "Données indisponibles" in text and "Sites mobiles" in text
    assert any("data.arcep.fr" in warning or "Mobile" in warning for warning in feedback.warnings)


def test_unknown_departement_is_a_clear_error(anct_env, run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="Unknown territory '37'"):
        run_alg("anct:department_atlas", {"DEPARTMENTS": "37", "OUTPUT_FOLDER": str(tmp_path)})


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes everywhere")
def test_unwritable_folder_is_a_clear_error(anct_env, run_alg, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(QgsProcessingException, match="not writable"):
        run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(locked)})


def test_folder_that_cannot_be_created_is_a_clear_error(anct_env, run_alg, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(QgsProcessingException, match="Cannot create the folder"):
        run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(blocker / "atlas")})


def test_user_template_is_used(anct_env, run_alg, tmp_path):
    from anct_qgis_plugin.cartography.template import DEFAULT_TEMPLATE

    template = tmp_path / "mine.qpt"
    template.write_text(
        open(DEFAULT_TEMPLATE, encoding="utf-8").read().replace("ATLAS DES DÉPARTEMENTS", "MON ATLAS DDT"),
        encoding="utf-8",
    )
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path), "LAYOUT": str(template)})
    assert "MON ATLAS DDT" in pdf_text(tmp_path / "atlas_36.pdf")
    with pytest.raises(QgsProcessingException, match="template"):
        broken = tmp_path / "broken.qpt"
        broken.write_text("<Layout", encoding="utf-8")
        run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path), "LAYOUT": str(broken)})


def test_by_default_the_sheets_go_to_a_real_folder(anct_env, provider, run_alg):
    from anct_qgis_plugin.processing.algorithms.department_atlas import atlas_folder

    default = provider.algorithm("department_atlas").parameterDefinition("OUTPUT_FOLDER").defaultValue()
    assert default == atlas_folder() and str(anct_env.parent / "data") in default  # the data folder, not /tmp
    result = run_alg("anct:department_atlas", {"DEPARTMENTS": "36"})
    assert result["FILES"] == os.path.join(default, "atlas_36.pdf") and os.path.isfile(result["FILES"])


def test_in_the_qgis_window_the_pdf_is_opened_and_linked(anct_env, run_alg, tmp_path, feedback, opened_files):
    from qgis.core import QgsApplication

    combined = tmp_path / "atlas.pdf"
    logged = []

    def listen(message, tag, level):
        logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(listen)
    try:
        run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_PDF": str(combined)})
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(listen)
    assert [url.toLocalFile() for url in opened_files] == [str(combined)]
    assert f"file://{combined}" in "\n".join(feedback.infos)  # the Processing log shows text only
    assert f'<a href="file://{combined}">{combined}</a>' in "\n".join(logged)  # the log panel opens links


def test_one_sheet_in_a_folder_opens_that_sheet(anct_env, run_alg, tmp_path, opened_files):
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path)})
    assert [url.toLocalFile() for url in opened_files] == [str(tmp_path / "atlas_36.pdf")]


@pytest.mark.parametrize("window, asked", [(False, True), (True, False)])
def test_nothing_is_opened_without_a_window_or_when_not_asked(
    anct_env, run_alg, tmp_path, feedback, opened_files, monkeypatch, window, asked
):
    if not window:  # qgis_process and scripts outside QGIS have no interface
        monkeypatch.setattr("qgis.utils.iface", None)
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path), "OPEN_PDF": asked})
    assert opened_files == []
    assert f"file://{tmp_path / 'atlas_36.pdf'}" in "\n".join(feedback.infos)


def test_sheet_by_road_says_it_and_prints_minutes(anct_env, run_alg, tmp_path):
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "GAP_MODE": "road", "OUTPUT_FOLDER": str(tmp_path)})
    text = " ".join(pdf_text(tmp_path / "atlas_36.pdf").split())  # legends and boxes wrap differently by version
    assert "Temps par la route (min)" in text and "Plus loin (min)" in text
    assert "min d'un" in text and "par la" in text and "route (" in text  # the figure box (it wraps)
    assert "Réseau routier BD TOPO (IGN" in text and "Injoignable par la route" in text
    assert "n.d. %" not in text  # région and France are not measured by road: no figure, no unit


def test_sheet_by_road_without_network_shows_the_straight_line_and_says_so(anct_env, run_alg, mirror_server, tmp_path):
    mirror_server.add_fault("troncon_de_route", "status", code=503)
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "GAP_MODE": "road", "OUTPUT_FOLDER": str(tmp_path)})
    text = " ".join(pdf_text(tmp_path / "atlas_36.pdf").split())
    assert "Distance au France services" in text and "réseau routier indisponible" in text
    assert "Plus loin (km)" in text


def test_print_atlas_as_a_button_would_call_it(anct_env, provider, tmp_path, feedback):
    """The run without the algorithm: a typed request, a typed result; a given workdir keeps the charts."""
    from qgis.core import QgsProcessingContext, QgsProject

    from anct_qgis_plugin.cartography.sheets import AtlasRequest, print_atlas
    from anct_qgis_plugin.cartography.template import DEFAULT_TEMPLATE
    from anct_qgis_plugin.engine.figures import STRAIGHT_DEFAULT

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    workdir, folder = tmp_path / "work", tmp_path / "sheets"
    workdir.mkdir()
    folder.mkdir()
    request = AtlasRequest(
        departments="36",
        language="fr",
        measure=STRAIGHT_DEFAULT,
        template=DEFAULT_TEMPLATE,
        folder=str(folder),
        combined=str(tmp_path / "all.pdf"),
        workdir=str(workdir),
    )
    result = print_atlas(request, context, feedback)
    assert result.sheets == 1 and result.files == (str(folder / "atlas_36.pdf"),)
    assert result.combined == str(tmp_path / "all.pdf") and pdf_pages(result.combined) == 2
    assert "Indre (36)" in pdf_text(result.files[0])
    assert (workdir / "chart_36.svg").is_file()  # the caller's folder, left as it was given
    assert "Sheet 1/1: 36" in feedback.infos


def test_a_region_gap_from_part_of_its_communes_prints_nd_and_says_partial(anct_env, run_alg, mirror_server, tmp_path):
    """Cher's outlines missing: the région's gap would be Indre's alone; the sheet prints n.d. and
    says how many of the région's communes were measured."""
    mirror_server.add_fault("communes@codeDepartement=18&", "status", code=404)
    mirror_server.add_fault("code_insee_du_departement%3D%2718%27", "status", code=404)  # ADMIN EXPRESS too
    run_alg("anct:department_atlas", {"DEPARTMENTS": "36", "OUTPUT_FOLDER": str(tmp_path)})
    text = " ".join(pdf_text(tmp_path / "atlas_36.pdf").split())
    assert "Région : n.d." in text  # the gap box (the others have a région figure)
    assert "éloignement des France services de Centre-Val de Loire (partiel : 6 communes sur 8)" in text

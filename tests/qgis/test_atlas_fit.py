"""Every département's and région's name, in French and English, fits the sheet's titles, and the
key-figure boxes (with ranks, in straight line and by road) fit below their values: laid out
through the template's own labels, without rendering a PDF per département."""

import pandas as pd
import pytest
from qgis.core import QgsProject

from anct_qgis_plugin.cartography.template import (
    FIGURE_IDS,
    apply_font_family,
    load_template,
    set_figure,
    set_text,
    text_fits,
)
from anct_qgis_plugin.cartography.texts import RANKED, SheetTexts
from anct_qgis_plugin.core.published.territories import Territory

# The 101 départements and their régions (INSEE's official geographic code, written by hand).
REGIONS = {
    "84": "Auvergne-Rhône-Alpes",
    "27": "Bourgogne-Franche-Comté",
    "53": "Bretagne",
    "24": "Centre-Val de Loire",
    "94": "Corse",
    "44": "Grand Est",
    "32": "Hauts-de-France",
    "11": "Île-de-France",
    "28": "Normandie",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "52": "Pays de la Loire",
    "93": "Provence-Alpes-Côte d'Azur",
    "01": "Guadeloupe",
    "02": "Martinique",
    "03": "Guyane",
    "04": "La Réunion",
    "06": "Mayotte",
}
DEPARTEMENTS = {
    "01": ("Ain", "84"), "02": ("Aisne", "32"), "03": ("Allier", "84"), "04": ("Alpes-de-Haute-Provence", "93"),
    "05": ("Hautes-Alpes", "93"), "06": ("Alpes-Maritimes", "93"), "07": ("Ardèche", "84"),
    "08": ("Ardennes", "44"), "09": ("Ariège", "76"), "10": ("Aube", "44"), "11": ("Aude", "76"),
    "12": ("Aveyron", "76"), "13": ("Bouches-du-Rhône", "93"), "14": ("Calvados", "28"), "15": ("Cantal", "84"),
    "16": ("Charente", "75"), "17": ("Charente-Maritime", "75"), "18": ("Cher", "24"), "19": ("Corrèze", "75"),
    "2A": ("Corse-du-Sud", "94"), "2B": ("Haute-Corse", "94"), "21": ("Côte-d'Or", "27"),
    "22": ("Côtes-d'Armor", "53"), "23": ("Creuse", "75"), "24": ("Dordogne", "75"), "25": ("Doubs", "27"),
    "26": ("Drôme", "84"), "27": ("Eure", "28"), "28": ("Eure-et-Loir", "24"), "29": ("Finistère", "53"),
    "30": ("Gard", "76"), "31": ("Haute-Garonne", "76"), "32": ("Gers", "76"), "33": ("Gironde", "75"),
    "34": ("Hérault", "76"), "35": ("Ille-et-Vilaine", "53"), "36": ("Indre", "24"),
    "37": ("Indre-et-Loire", "24"), "38": ("Isère", "84"), "39": ("Jura", "27"), "40": ("Landes", "75"),
    "41": ("Loir-et-Cher", "24"), "42": ("Loire", "84"), "43": ("Haute-Loire", "84"),
    "44": ("Loire-Atlantique", "52"), "45": ("Loiret", "24"), "46": ("Lot", "76"),
    "47": ("Lot-et-Garonne", "75"), "48": ("Lozère", "76"), "49": ("Maine-et-Loire", "52"),
    "50": ("Manche", "28"), "51": ("Marne", "44"), "52": ("Haute-Marne", "44"), "53": ("Mayenne", "52"),
    "54": ("Meurthe-et-Moselle", "44"), "55": ("Meuse", "44"), "56": ("Morbihan", "53"),
    "57": ("Moselle", "44"), "58": ("Nièvre", "27"), "59": ("Nord", "32"), "60": ("Oise", "32"),
    "61": ("Orne", "28"), "62": ("Pas-de-Calais", "32"), "63": ("Puy-de-Dôme", "84"),
    "64": ("Pyrénées-Atlantiques", "75"), "65": ("Hautes-Pyrénées", "76"), "66": ("Pyrénées-Orientales", "76"),
    "67": ("Bas-Rhin", "44"), "68": ("Haut-Rhin", "44"), "69": ("Rhône", "84"), "70": ("Haute-Saône", "27"),
    "71": ("Saône-et-Loire", "27"), "72": ("Sarthe", "52"), "73": ("Savoie", "84"),
    "74": ("Haute-Savoie", "84"), "75": ("Paris", "11"), "76": ("Seine-Maritime", "28"),
    "77": ("Seine-et-Marne", "11"), "78": ("Yvelines", "11"), "79": ("Deux-Sèvres", "75"),
    "80": ("Somme", "32"), "81": ("Tarn", "76"), "82": ("Tarn-et-Garonne", "76"), "83": ("Var", "93"),
    "84": ("Vaucluse", "93"), "85": ("Vendée", "52"), "86": ("Vienne", "75"), "87": ("Haute-Vienne", "75"),
    "88": ("Vosges", "44"), "89": ("Yonne", "27"), "90": ("Territoire de Belfort", "27"),
    "91": ("Essonne", "11"), "92": ("Hauts-de-Seine", "11"), "93": ("Seine-Saint-Denis", "11"),
    "94": ("Val-de-Marne", "11"), "95": ("Val-d'Oise", "11"), "971": ("Guadeloupe", "01"),
    "972": ("Martinique", "02"), "973": ("Guyane", "03"), "974": ("La Réunion", "04"), "976": ("Mayotte", "06"),
}  # fmt: skip

# The widest figures a sheet prints: the largest counts, shares and the last rank with its note.
WIDEST = pd.DataFrame(
    [
        {"indicator": name, "territory": value, "region": value, "france": value}
        for name, value in (
            ("population", 2_608_346.0),
            ("density", 20_545.3),
            ("communes", 895.0),
            ("epci", 38.0),
            ("qpv", 155.0),
            ("qpv_communes", 88.0),
            ("petites_villes_de_demain", 40.0),
            ("action_coeur_de_ville", 10.0),
            ("territoires_industrie", 15.0),
            ("villages_avenir", 212.0),
            ("france_services", 88.0),
            ("france_services_per_10000", 12.34),
            ("gap_share", 46.2),
            ("gap_population", 1_234_567.0),
            ("mobile_sites", 1_456.0),
            ("ftth_premises_share", 100.0),
        )
    ]
)
LAST = {indicator: (101, 101) for indicator in RANKED.values()}


@pytest.fixture(scope="module")
def layout():
    project = QgsProject()
    layout = load_template(project)
    apply_font_family(layout)
    yield layout
    del layout, project


def territory(code):
    name, region = DEPARTEMENTS[code]
    return Territory("departement", code, name, (code,), (region,), frozenset(), "EPSG:2154")


def test_the_names_are_the_101_departements():
    assert len(DEPARTEMENTS) == 101 and set(REGIONS) == {region for _name, region in DEPARTEMENTS.values()}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_title_fits(layout, language):
    texts = SheetTexts(language)
    for code in DEPARTEMENTS:
        place = territory(code)
        for item_id, text in (
            ("title", texts.title(place)),
            ("title_2", texts.title_2(place)),
            ("subtitle", texts.subtitle(REGIONS[place.region_codes[0]], None)),
        ):
            set_text(layout, item_id, text, fit=True)
            assert text_fits(layout.itemById(item_id)), f"{item_id} of {place.label} ({language}): {text}"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("by_road", [False, True])
def test_every_key_figure_fits_below_its_value(layout, language, by_road):
    texts = SheetTexts(language, 30 if by_road else 20, by_road)
    for item_id in FIGURE_IDS:
        box_name = item_id[len("figure_") :]
        box = set_figure(layout, item_id, *texts.figure_box(box_name, WIDEST, LAST))
        value = layout.itemById(f"{item_id}_value")
        below_value = box.rect().bottom() - (value.pos().y() + value.rect().height() - box.pos().y()) - box.marginY()
        assert text_fits(value), f"{item_id} value ({language}): {value.text()}"
        assert text_fits(box, height_mm=below_value), f"{item_id} ({language}, road={by_road}): {box.text()!r}"
        assert texts.rank(box_name, LAST) in box.text()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_legend_fits_its_frame_with_every_layer_title(layout, language):
    """ "Priority neighbourhoods 2024 (QPV)" was cut at the legend's frame in English."""
    from qgis.core import QgsVectorLayer

    from anct_qgis_plugin.cartography.atlas import MAIN_LAYERS
    from anct_qgis_plugin.cartography.template import legend_fits, set_legend
    from anct_qgis_plugin.core.published.catalogue import get_source

    layers = [QgsVectorLayer("Polygon?crs=EPSG:2154", get_source(key).title(language), "memory") for key in MAIN_LAYERS]
    set_legend(layout, "legend_main", layers, SheetTexts(language).words.headings["legend"])
    legend = layout.itemById("legend_main")
    assert legend.title() == ("Légende" if language == "fr" else "Legend")
    assert legend_fits(legend)
    set_legend(layout, "legend_main", [])
    del layers


def test_a_continued_epci_table_page_has_the_header_band_sources_footer_and_page_number():
    """Indre's page 3 had six EPCI rows and nothing else."""
    from anct_qgis_plugin.cartography.template import (
        FURNITURE_IDS,
        continuation_band,
        fill_table,
        find_table,
        repeat_page_furniture,
    )

    project = QgsProject()
    layout = load_template(project)
    set_text(layout, "title_2", "Indre (36) — accès aux services et intercommunalités")
    set_text(layout, "sources", "Sources : ANCT (2024-08-01).")
    table = find_table(layout)
    fill_table(table, [[f"CC {n}", "10", "6 178", "0,0", "9,1"] for n in range(60)])
    pages = layout.pageCollection().pageCount()
    assert pages >= 3
    assert repeat_page_furniture(layout) == pages - 2
    layout.refresh()  # as fill_sheet ends: the copies stay on their pages
    top, bottom = continuation_band(layout, 1)
    for page in range(2, pages):
        for item_id in FURNITURE_IDS:
            copy = layout.itemById(f"{item_id}_p{page + 1}")
            original = layout.itemById(item_id)
            assert copy is not None and copy.page() == page, (item_id, page)
            assert copy.pagePos() == original.pagePos()
        assert layout.itemById(f"title_2_p{page + 1}").text() == "Indre (36) — accès aux services et intercommunalités"
        assert layout.itemById(f"sources_p{page + 1}").text() == "Sources : ANCT (2024-08-01)."
        frame = next(frame for frame in table.frames() if frame.page() == page)
        assert top - 0.01 <= frame.pagePos().y() and frame.pagePos().y() + frame.rect().height() <= bottom + 0.01
        number = layout.itemById(f"deco_page_2_p{page + 1}")
        assert number.currentText() == f"{page + 1} / {pages}"
    del layout, project

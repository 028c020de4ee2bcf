"""The Observatoire des territoires' ids, links and text answers, without QGIS."""

import pytest

from anct_qgis_plugin.core.published.observatoire import IndicatorError, parse_indicator, read_indicator


@pytest.mark.parametrize(
    "text",
    [
        "agri.sau2020",
        " agri.sau2020 ",
        "https://www.observatoire-des-territoires.gouv.fr/outils/cartographie-interactive/#c=indicator&i=agri.sau2020&s=2020&view=map12",
        "https://www.observatoire-des-territoires.gouv.fr/outils/cartographie-interactive/?view=map9&indics=agri.sau2020&serie=2020&lang=fr",
    ],
)
def test_ids_from_text_and_both_link_forms(text):
    indicator = parse_indicator(text)
    assert (indicator.dataset, indicator.indic, str(indicator)) == ("agri", "sau2020", "agri.sau2020")
    assert indicator.url("epci").endswith("nivgeo=epci2025&dataset=agri&indic=sau2020&format=csv")


@pytest.mark.parametrize("text", ["", "sau2020", "https://example.org/?x=1", "agri.sau 2020"])
def test_anything_else_is_refused_in_words(text):
    with pytest.raises(IndicatorError, match="dataset.indic"):
        parse_indicator(text)


def test_csv_answer_missing_secret_and_not_classified_are_null(tmp_path):
    path = tmp_path / "answer"  # no suffix: recognised by its content
    path.write_text(
        "codgeo;libgeo;an;x\n36044;Châteauroux;2022;12,5\n36001;Aigurande;2022;\n36018;Le Blanc;2022;s\n"
        "36088;Issoudun;2022;-9999\n36063;Déols;2022;0\n",
        encoding="utf-8",
    )
    table = read_indicator(str(path))
    assert [row.value for row in table.rows] == [12.5, None, None, None, 0.0]  # a real 0 stays 0
    assert (table.shape, table.column, table.missing, table.not_classified) == ("api_csv", "x", 2, 1)


def test_an_html_page_or_another_table_is_named(tmp_path):
    page = tmp_path / "page.csv"
    page.write_text("<!DOCTYPE html><html><body>500 - Internal Server Error</body></html>\n")
    with pytest.raises(IndicatorError, match="HTML page"):
        read_indicator(str(page))
    other = tmp_path / "other.csv"
    other.write_text("insee;valeur\n36044;3\n")
    with pytest.raises(IndicatorError, match=r"it starts with insee \| valeur"):
        read_indicator(str(other))


def test_the_curated_list_is_ids_with_both_languages_unit_and_theme():
    from anct_qgis_plugin.core.published.observatoire_indicators import CURATED, THEMES, curated

    for entry in CURATED:
        assert str(parse_indicator(entry.id)) == entry.id and curated(entry.id) is entry
        assert entry.theme in THEMES and entry.label_fr and entry.label_en and entry.unit_fr and entry.unit_en
        assert entry.evidence.startswith(("A:", "B, shape confirmed"))  # grade C ids stay out
    assert len({entry.id for entry in CURATED}) == len(CURATED)
    assert curated("agri.nothing") is None

"""anct:territory_profile and anct:programme_matrix on the fixtures (expected values from
tests/fixtures/README.md)."""

import pytest


def rows(layer, key):
    return {f[key]: f for f in layer.getFeatures()}


def test_territory_profile_of_indre(anct_env, run_alg):
    figures = rows(run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"], "indicator")
    assert figures["population"]["territory"] == 72744
    assert figures["population"]["region"] == 161998
    assert figures["population"]["france"] == 2689902  # with Bagnolet, Montreuil and Romainville (EPT fixture)
    assert figures["communes"]["territory"] == 6 and figures["epci"]["territory"] == 4
    assert figures["qpv"]["territory"] == 4 and figures["qpv_communes"]["territory"] == 3
    assert figures["action_coeur_de_ville"]["territory"] == 2
    assert figures["petites_villes_de_demain"]["territory"] == 3
    assert figures["territoires_industrie"]["territory"] == 2
    assert figures["villages_avenir"]["region"] == 4  # va-36-03 listed under the delegated commune 36245
    assert figures["france_services"]["territory"] == 7  # 36245 -> Saint-Maur; 36999 placed by its département
    assert figures["france_services_per_10000"]["territory"] == round(7e4 / 72744, 2)  # rates rounded for reading
    assert figures["mobile_sites"]["territory"] == 8
    assert figures["area_km2"]["territory"] > 0 and figures["density"]["territory"] == pytest.approx(
        72744 / figures["area_km2"]["territory"], abs=0.1
    )
    assert figures["gap_population"]["territory"] is not None
    assert figures["gap_population"]["region"] is not None  # région 24 outlines are in the fixtures
    assert figures["population"]["label"].startswith("Population — ")
    assert "geo.api.gouv.fr" in figures["population"]["label"]  # which population every figure uses


def test_missing_programme_file_gives_empty_figures_and_a_warning(anct_env, run_alg, mirror_server, feedback):
    mirror_server.add_fault("datasets/dispositif-villages-davenir", "status", code=503)
    figures = rows(run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"], "indicator")
    value = figures["villages_avenir"]["territory"]
    assert value is None or (hasattr(value, "isNull") and value.isNull())
    assert any("Villages d'avenir" in warning for warning in feedback.warnings)


def test_programme_matrix(anct_env, run_alg):
    matrix = run_alg("anct:programme_matrix", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"]
    communes = {f["code"]: f for f in matrix.getFeatures() if f["level"] == "commune"}
    assert len(communes) == 6
    issoudun = communes["36088"]
    assert issoudun["qpv"] == "QN03604I" and issoudun["action_coeur_de_ville"] == "ACV103"
    assert issoudun["territoires_industrie"] == "ti-2401, ti-2403"
    # The QPV spanning Châteauroux and Déols, PVD, TI, CRTE, Territoires d'engagement, PTZC.
    assert communes["36063"]["nb_programmes"] == 6
    # The newer programmes: a list read by its resource link, a delegated commune's code (36245).
    assert issoudun["manufactures_proximite"] == "manup-36-01" and issoudun["crte"] == "crte-36-02"
    assert communes["36202"]["cites_emploi"] == "cde-036" and communes["36044"]["cites_educatives"] == "cite-045"
    totals = {(f["level"], f["code"]): f for f in matrix.getFeatures() if f["level"] != "commune"}
    indre = totals[("departement", "36")]
    assert indre["nom"] == "Indre" and indre["communes"] == 6 and indre["qpv"] == "3"
    assert totals[("epci", "243600327")]["communes"] == 3


def test_unknown_territory(anct_env, run_alg):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Unknown territory"):
        run_alg("anct:programme_matrix", {"TERRITORY": "99", "OUTPUT": "memory:"})


def test_a_csv_output_opens_right_in_a_french_spreadsheet(anct_env, run_alg, tmp_path, french_ui):
    output = tmp_path / "profil.csv"
    run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": str(output)})
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("indicator;label;unit;territory")
    density = next(line for line in lines if line.startswith("density;")).split(";")
    assert "," in density[3] and "." not in density[3] and len(density[3].split(",")[1]) == 1  # 31,3


def test_the_programme_matrix_csv_opens_right_in_a_french_spreadsheet(anct_env, run_alg, tmp_path, french_ui):
    """Like the profile (issue 21 §3): ';', a BOM, one row per commune."""
    output = tmp_path / "matrice.csv"
    run_alg("anct:programme_matrix", {"TERRITORY": "36", "OUTPUT": str(output)})
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("level;code;nom;") and "," not in lines[0]
    assert len(lines) > 6 and all(line.count(";") == lines[0].count(";") for line in lines)


def test_profile_by_road_measures_the_territory_on_the_fetched_network(anct_env, run_alg, feedback):
    table = run_alg("anct:territory_profile", {"TERRITORY": "36", "GAP_MODE": "road", "OUTPUT": "memory:"})["OUTPUT"]
    figures = rows(table, "indicator")
    gap = figures["gap_population"]
    assert gap["territory"] is not None and 0 <= gap["territory"] <= 72744
    assert gap["region"] is None or (hasattr(gap["region"], "isNull") and gap["region"].isNull())  # territory only
    assert "30 minutes by road" in gap["label"] and "by road" in figures["gap_share"]["label"]
    assert any("BD TOPO" in info for info in feedback.infos)


def test_profile_by_road_falls_back_to_straight_line_and_says_so(anct_env, run_alg, mirror_server, feedback):
    mirror_server.add_fault("troncon_de_route", "status", code=503)
    figures = rows(
        run_alg("anct:territory_profile", {"TERRITORY": "36", "GAP_MODE": "road", "OUTPUT": "memory:"})["OUTPUT"],
        "indicator",
    )
    assert "20 km" in figures["gap_population"]["label"] and figures["gap_population"]["region"] is not None
    assert any("No road times for Indre" in warning for warning in feedback.warnings)


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


CHER_OUTLINES = "communes@codeDepartement=18&"  # the 2 Cher communes of région 24 (README: 6 + 2)
CHER_ADMIN_EXPRESS = "code_insee_du_departement%3D%2718%27"  # the outlines' fallback: it fails too


def cher_outlines_missing(mirror_server):
    for fault in (CHER_OUTLINES, CHER_ADMIN_EXPRESS):
        mirror_server.add_fault(fault, "status", code=404)


def test_region_gap_from_part_of_its_communes_is_not_given_as_the_regions(anct_env, run_alg, mirror_server, feedback):
    """Centre-Val de Loire measured from Indre alone (Cher's outlines missing) is no région figure:
    NULL, with a note saying how many of its communes were measured."""
    cher_outlines_missing(mirror_server)
    figures = rows(run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"], "indicator")
    for indicator in ("gap_population", "gap_share"):
        assert is_null(figures[indicator]["region"]), indicator
        assert figures[indicator]["territory"] is not None  # Indre itself is whole
        assert figures[indicator]["note"] == (
            "Centre-Val de Loire: not given, only 6 of its 8 communes could be measured (outlines missing); "
            "France: not given, only 12 of its 14 communes could be measured (outlines missing)"  # the national run's
        )
    assert is_null(figures["population"]["note"])  # the other figures come from the commune table
    assert figures["population"]["region"] == 161998
    assert any("Service gap of Centre-Val de Loire not given: only 6 of its 8" in w for w in feedback.warnings)


def test_a_whole_region_gets_its_gap_and_no_note(anct_env, run_alg):
    figures = rows(run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"], "indicator")
    assert figures["gap_share"]["region"] is not None and is_null(figures["gap_share"]["note"])


def test_a_share_above_zero_is_not_written_as_zero():
    from anct_qgis_plugin.processing.algorithms.territory_profile import _value

    assert _value(0.031, 1) == 0.031  # would round to 0.0 %: keeps its first digits
    assert _value(0.0004, 1) == 0.0004
    assert _value(0.0, 1) == 0.0 and _value(3.14159, 1) == 3.1 and _value(0.05, 1) == 0.1


def test_a_programme_whose_communes_have_no_outline_stays_listed(anct_env, mirror_server, qgis_app, feedback):
    """Bourges's two cités éducatives, with Cher's outlines missing: features without geometry,
    named in the warning and the metadata, not dropped."""
    from anct_qgis_plugin.core.building.provenance import apply_provenance
    from anct_qgis_plugin.core.service import AnctData

    cher_outlines_missing(mirror_server)
    data = AnctData(language="fr")
    territory = data.resolve_territory("reg:24")
    built = data.build_layer("cites_educatives", territory, feedback=feedback)
    features = {f["id_cite"]: f for f in built.layer.getFeatures()}
    assert set(features) == {"cite-045", "cite-030", "cite-031"}
    assert features["cite-045"].hasGeometry()  # Châteauroux is drawn
    for ident in ("cite-030", "cite-031"):
        assert not features[ident].hasGeometry()
        assert features[ident]["insee_com"] == "18033" and features[ident]["population"] == 64186
    assert built.info.undrawn == ["cite-030 Bourges Nord", "cite-031 Bourges Sud"]
    assert any(
        "2 listed without geometry" in w and "cite-030 Bourges Nord, cite-031 Bourges Sud" in w
        for w in feedback.warnings
    )
    apply_provenance(built.layer, built.info, territory.label)
    assert any("cite-031 Bourges Sud" in line for line in built.layer.metadata().history())


def test_card_and_matrix_list_a_programme_without_outline(anct_env, run_alg, mirror_server, qgis_app):
    from anct_qgis_plugin.core.service import AnctData

    cher_outlines_missing(mirror_server)
    card = AnctData().commune_card("18033")
    assert {line.ident for line in card.lines if line.layer_id == "cites_educatives"} == {"cite-030", "cite-031"}
    matrix = run_alg("anct:programme_matrix", {"TERRITORY": "reg:24", "OUTPUT": "memory:"})["OUTPUT"]
    bourges = next(f for f in matrix.getFeatures() if f["level"] == "commune" and f["code"] == "18033")
    assert bourges["cites_educatives"] == "cite-030, cite-031"


def test_territory_profile_ranks_the_departement_among_the_departements(anct_env, run_alg):
    """rank/rank_of against a recount of the fixtures' national commune table (one vintage)."""
    import json
    from pathlib import Path

    table = Path(__file__).parents[1] / "fixtures" / "mirror" / "geo.api.gouv.fr"
    communes = json.loads(next(table.glob("communes@fields=*")).read_text(encoding="utf-8"))
    population, count = {}, {}
    for commune in communes:
        dep = commune["codeDepartement"]
        if dep not in {"975", "977", "978", "984", "986", "987", "988", "989"}:
            population[dep] = population.get(dep, 0) + (commune.get("population") or 0)
            count[dep] = count.get(dep, 0) + 1
    figures = rows(run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})["OUTPUT"], "indicator")
    ordered = sorted(population.values(), reverse=True)
    assert (figures["population"]["rank"], figures["population"]["rank_of"]) == (
        ordered.index(population["36"]) + 1,
        len(ordered),
    )
    by_count = sorted(count.values(), reverse=True)
    assert figures["communes"]["rank"] == by_count.index(count["36"]) + 1
    assert figures["gap_share"]["rank"] is not None  # from the national straight-line run
    region = rows(
        run_alg("anct:territory_profile", {"TERRITORY": "reg:24", "OUTPUT": "memory:"})["OUTPUT"], "indicator"
    )
    assert not region["population"]["rank"]  # only a département is ranked (NULL)

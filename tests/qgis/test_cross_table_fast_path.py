"""ANCT's cross-table as the fast path (issue 24): the programmes added in 2025-2026 and France
services (id_fs) are answered from it where no list is newer, without downloading their lists; it is
parsed once per session and file version; the key figures and the matrix say which file each figure
came from."""

from anct_qgis_plugin.core.service import AnctData


def test_new_programmes_and_france_services_from_the_cross_table(anct_env, mirror_server):
    before = {key: mirror_server.count(key) for key in ("datasets/r/5f2e1413", "liste-fs-2024")}
    card = AnctData().commune_card("36088", cross_table=True)
    lines = {(line.layer_id, line.ident) for line in card.lines}
    assert {("sites_cles_en_main", "site-036-01"), ("habitat_inclusif", "habinclus-036-01")} <= lines
    assert ("france_services", "2925") in lines
    for table in ("sites_cles_en_main", "habitat_inclusif", "france_services"):
        assert card.origins[table] == "cross_table" and card.source_dates[table] == "2025-03-01"
    # Neither the Sites clés en main list nor France services' site list was downloaded.
    assert {key: mirror_server.count(key) for key in before} == before
    assert "2025-03-01, ANCT cross-table" in card.as_text()


def test_saint_maur_s_sites_from_the_cross_table_as_from_the_list(anct_env):
    data = AnctData()

    def sites(card):
        return {line.ident for line in card.lines if line.layer_id == "france_services"}

    assert sites(data.commune_card("36202", cross_table=True)) == sites(data.commune_card("36202")) == {"9001", "9002"}


def test_the_cross_table_is_parsed_once_a_session(anct_env, monkeypatch):
    from anct_qgis_plugin.core.memberships import cross_table

    reads = []
    original = cross_table.read_source_table
    monkeypatch.setattr(cross_table, "read_source_table", lambda *args: reads.append(args) or original(*args))
    data = AnctData()
    first = data.commune_card("36044", cross_table=True)
    second = data.commune_card("36202", cross_table=True)
    assert len(reads) == 1
    assert ("acv_entrees_de_ville", "acv2-036-01") in {(line.layer_id, line.ident) for line in first.lines}
    assert ("villages_avenir", "va-36-02") in {(line.layer_id, line.ident) for line in second.lines}


def test_the_matrix_and_the_profile_name_the_file_of_each_figure(anct_env, run_alg, feedback):
    run_alg("anct:programme_matrix", {"TERRITORY": "36", "CROSS_TABLE": True, "OUTPUT": "memory:"})
    assert "france_services: ngeo-anct-cog2025.csv, 2025-03-01 (ANCT cross-table)" in feedback.infos
    assert "habitat_inclusif: ngeo-anct-cog2025.csv, 2025-03-01 (ANCT cross-table)" in feedback.infos
    run_alg("anct:territory_profile", {"TERRITORY": "36", "OUTPUT": "memory:"})
    assert "france_services: liste-fs-20240801.csv, 2024-08-01 (list)" in feedback.infos
    assert (
        "france_thd: commune_meilleure_techno_thd.csv, commune_debit_filaire.csv, 2026-03-31 (list)" in feedback.infos
    )

"""Codes of every vintage count for today's commune; what maps to nothing is counted."""

from anct_qgis_plugin.core.published.commune_codes import CodeTally, CommuneCodes, padded_code, padded_departement

ASSOCIATED = [  # real entries of geo.api.gouv.fr/communes_associees_deleguees
    {"code": "93059", "nom": "Pierrefitte-sur-Seine", "type": "commune-deleguee", "chefLieu": "93066"},
    {"code": "36245", "nom": "Villers-les-Ormes", "type": "commune-deleguee", "chefLieu": "36202"},
    {"code": "36229", "nom": "Varennes-sur-Fouzon", "type": "commune-deleguee", "chefLieu": "36229"},
]
CODES = CommuneCodes.build({"75056", "69123", "13055", "93066", "36202", "36229", "06088"}, ASSOCIATED)


def test_arrondissements_count_for_paris_lyon_and_marseille():
    assert [CODES.today(c) for c in ("75101", "75112", "75120", "69381", "69389", "13201", "13216")] == [
        "75056",
        "75056",
        "75056",
        "69123",
        "69123",
        "13055",
        "13055",
    ]
    assert CODES.today("75121") is None and CODES.today("13217") is None


def test_delegated_and_merged_communes_count_for_their_chef_lieu():
    assert CODES.today("93059") == "93066"
    assert CODES.today("36245") == "36202"
    assert CODES.today("36229") == "36229"  # the commune nouvelle kept the code


def test_codes_that_lost_their_leading_zero():
    assert padded_code("6088") == "06088" and CODES.today("6088") == "06088"
    assert padded_code("2A004") == "2A004" and padded_code("97411") == "97411"
    assert padded_departement("6") == "06" and padded_departement("974") == "974"


def test_tally_counts_and_names_what_maps_to_nothing():
    tally = CodeTally(CODES)
    assert tally.today_all(["75112", "36999", "36245", "36999", "99999"]) == ["75056", "36202"]
    assert tally.unmapped == {"36999": 2, "99999": 1}
    assert tally.summary() == "36999 (2), 99999"
    assert tally.remapped == 2

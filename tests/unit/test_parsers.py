"""Parsing that survives the real files' quirks."""

import zipfile

import pytest

from anct_qgis_plugin.core.errors import ParseError
from anct_qgis_plugin.core.published.parsers import (
    clean_cell,
    iso_date,
    read_csv,
    read_json,
    resolve_columns,
    split_values,
)


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return str(path)


def test_bom_semicolon_and_excel_protected_codes(tmp_path):
    path = write(
        tmp_path,
        "qp.csv",
        '\ufeffcode_qp;lib_qp;insee_com\nQN03601M;Saint-Jean;"=""36044"""\nQN02A01M;Les Cannes;"=""2A004"""\n',
    )
    table = read_csv(path, "qpv", {"insee_com": ("insee_com",)})
    assert table.columns == ["code_qp", "lib_qp", "insee_com"]
    assert [row[2] for row in table.rows] == ["36044", "2A004"]


def test_comma_separated_codes_stay_text(tmp_path):
    path = write(tmp_path, "va.csv", "insee_com,lib_com,id_va\n01036,Valromey-sur-Séran,va-01-01\n")
    assert read_csv(path, "va").rows == [["01036", "Valromey-sur-Séran", "va-01-01"]]


def test_windows_1252_is_tolerated(tmp_path):
    path = write(tmp_path, "acv.csv", "insee_com;lib_com\n36044;Châteauroux\n", encoding="cp1252")
    assert read_csv(path, "acv").rows[0][1] == "Châteauroux"


def test_several_values_in_one_cell():
    assert split_values("36044, 36063") == ["36044", "36063"]
    assert split_values("ti-2402 ; ti-2405") == ["ti-2402", "ti-2405"]
    assert split_values("ti-2402;ti-2405") == ["ti-2402", "ti-2405"]
    assert split_values("Gex, Bugey ; Vierzon", commas=False) == ["Gex, Bugey", "Vierzon"]
    assert split_values("") == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("28-09-2018", "2018-09-28"),
        ("28/09/2018", "2018-09-28"),
        ("2018-09-28", "2018-09-28"),
        ("2018-09-28T00:00:00", "2018-09-28"),
        ("1/2/2021", "2021-02-01"),
        ("", ""),
        ("sept. 2018", "sept. 2018"),
    ],
)
def test_dates_of_every_vintage(value, expected):
    assert iso_date(value) == expected


def test_clean_cell():
    assert clean_cell(' ="01004" ') == "01004"
    assert clean_cell("Paris") == "Paris"


def test_missing_column_names_column_file_and_source(tmp_path):
    path = write(tmp_path, "liste-acv.csv", "code_commune,lib_com,id_acv\n36044,Châteauroux,ACV054\n")
    with pytest.raises(ParseError) as error:
        read_csv(path, "action_coeur_de_ville", {"insee_com": ("insee_com",)})
    message = str(error.value)
    assert "insee_com" in message and "liste-acv.csv" in message and "action_coeur_de_ville" in message
    assert "code_commune" in message  # what was found instead


@pytest.mark.parametrize("content, reason", [("", "empty"), ("insee_com,lib_com\n", "no rows")])
def test_empty_files_are_errors(tmp_path, content, reason):
    with pytest.raises(ParseError, match=reason):
        read_csv(write(tmp_path, "x.csv", content), "x")


def test_admin_express_3_and_4_names():
    wanted = {"code": ("code_insee", "insee_com"), "nom": ("nom_officiel", "nom")}
    assert resolve_columns(["code_insee", "nom_officiel"], wanted, "f", "s") == {
        "code": "code_insee",
        "nom": "nom_officiel",
    }
    assert resolve_columns(["INSEE_COM", "NOM"], wanted, "f", "s") == {"code": "INSEE_COM", "nom": "NOM"}


def test_invalid_json(tmp_path):
    with pytest.raises(ParseError, match="not valid JSON"):
        read_json(write(tmp_path, "x.json", '{"resources": ['), "dataset")


def test_line_breaks_inside_quoted_cells_are_kept(tmp_path):
    path = write(
        tmp_path,
        "fs.csv",
        'id_fs,commentaire,insee_com\r\n"2394","Tournée :\r\n1er lundi Vicq","36044"\r\n"220","","36001"\r\n',
    )
    table = read_csv(path, "france_services")
    assert table.rows == [["2394", "Tournée :\r\n1er lundi Vicq", "36044"], ["220", "", "36001"]]


def test_live_qpv_list_shape_trailing_empty_columns(tmp_path):
    path = write(
        tmp_path,
        "listeqp2024-cog2024.csv",
        "\ufeffcode_qp;lib_qp;insee_com;lib_com;;;\r\nQN03603M;Vaugirard;36044, 36063;Châteauroux, Déols;;;\r\n",
    )
    table = read_csv(path, "qpv_list", {"insee_com": ("insee_com",)})
    assert table.columns == ["code_qp", "lib_qp", "insee_com", "lib_com"]
    assert split_values(table.rows[0][2]) == ["36044", "36063"]


def test_zip_member_chosen_by_name_whatever_the_order(tmp_path):
    from anct_qgis_plugin.core.published.parsers import ogr_uri

    for order in ((0, 1), (1, 0)):
        names = [
            "GEOJSON/QP2024_France_hexagonale_LB93.geojson",
            "GEOJSON/QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson",
        ]
        path = tmp_path / f"qpv{order[0]}.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for n in order:
                archive.writestr(names[n], "{}")
        assert ogr_uri(str(path), r"Outre_Mer.*WGS84").endswith("QP2024_France_Hexagonale_Outre_Mer_WGS84.geojson")
        with pytest.raises(ParseError, match="2 datasets"):
            ogr_uri(str(path))

"""Fixtures follow their publishers: every data file of tests/fixtures/mirror has its header compared with
one table of live headers (as published, with the evidence of each), so a column invented for a fixture
cannot pass. A fixture may leave published columns out (a smaller extract), never add one, never reorder
them; JSON answers are compared as sets of keys. Evidence is detailed in tests/fixtures/README.md."""

import csv
import fnmatch
import io
import json
import struct
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

MIRROR = Path(__file__).resolve().parent.parent / "fixtures" / "mirror"
SHARED = "../shared/mirror (real file, PROVENANCE.md)"
SUPERPOSEUR_V2 = "anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e backend/data.py"
SUPERPOSEUR = "anct-carto/superposeur-anct@949f7e58 data/projet/changement_projection_dispositifs_V3.R"
SUPERPOSEUR_V2_ADMIN = "anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e MAJ/data_admin.py"
# The programmes added in 2025-2026, read by their resource links (backend/data.py SOURCES_DATAGOUV).
NEW_PROGRAMMES = (
    ("acv2", "ed3486ee-…"),
    ("site", "5f2e1413-…"),
    ("comrur", "c6e360a4-…"),
    ("frla", "3fbacdea-…"),
    ("ptzc", "8c627383-…"),
    ("pao", "6de2ad29-…"),
)
GRIDS_EVIDENCE = (
    "anct-carto/superposeur-V2@3f2b0c0b87604a13831a9f214988878b6a4cb67e data/grilles/<grid>.csv, MAJ/data_grilles.py; "
    "../shared/data/observatoire/grille_<grid>_communes_anct-observatoire-territoires.csv"
)
MCI = ("code_insee", "nom_com", "code_dep", "code_reg", "nbr", "type")
MCI_EVIDENCE = "Enerlens/gods-eye-view@93817cdf34ecdf98153e31f51d56275fd767c2cc src/data/fixtures/arcep-mci-2026t1-"
QPV_LIST = ("code_qp", "lib_qp", "insee_reg", "lib_reg", "insee_dep", "lib_dep", "insee_com", "lib_com")
QPV_LIST += ("siren_epci", "lib_epci")
FRANCE_SERVICES = ("id_fs", "insee_dep", "lib_fs", "adresse", "complement_adresse", "insee_com", "code_postal")
FRANCE_SERVICES += ("lib_com", "latitude", "longitude", "mail", "telephone", "h_lundi", "h_mardi", "h_mercredi")
FRANCE_SERVICES += ("h_jeudi", "h_vendredi", "h_samedi", "prise_rdv", "commentaire", "type_fs", "format_fs")
FRANCE_SERVICES += ("groupe_fs", "labellisation_fs")
ARCEP = ("code_op", "nom_op", "num_site", "id_site_partage", "id_station_anfr", "x", "y", "latitude", "longitude")
ARCEP += ("nom_reg", "nom_dep", "insee_dep", "nom_com", "insee_com", "site_2g", "site_3g", "site_4g", "site_5g")
ARCEP += ("mes_4g_trim", "site_ZB", "site_DCC", "site_strategique", "site_capa_240mbps")
ARCEP += ("date_ouverturecommerciale_5g", "site_5g_700_m_hz", "site_5g_800_m_hz", "site_5g_1800_m_hz")
ARCEP += ("site_5g_2100_m_hz", "site_5g_3500_m_hz")
CROSS = ("insee_com", "lib_com", "id_pvd", "id_ti", "id_crte", "id_acv", "id_ami", "id_fabp", "id_habinclus")
CROSS += ("id_fs", "id_amm", "id_acv2", "id_va", "id_site", "id_cite", "id_cde")
CRTE_GRPT = ("insee_reg", "lib_reg", "dep_chef_file", "lib_dep", "id_crte", "lib_crte", "type_grp_crte")
CRTE_GRPT += ("siren_groupement", "lib_groupement", "nature_juridique", "siren_epci", "date_signature")
DENSITY = ("CODGEO", "LIBGEO", "DENS", "LIBDENS", "PMUN22", "P1", "P2", "P3", "DENS_AAV", "LIBDENS_AAV")
DENSITY += ("DENS7", "LIBDENS7")
MEDIATION = ("id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "latitude", "longitude")
MEDIATION += ("dispositif_programmes_nationaux",)  # known columns of the schema, in its order (others between)
COMMUNE_OUTLINE = ("nom", "code", "codeDepartement", "siren", "codeEpci", "codeRegion", "codesPostaux", "population")

# source file -> (header as published, evidence). One table: change a fixture's columns here first, with evidence.
LIVE = {
    "qpv_outlines": (
        ("fid",) + QPV_LIST[:-1],
        "../shared/docs/data-sources.md (QPV 2024 outlines); " + SHARED + " qpv-2024-*.zip",
    ),
    "qpv_list": (QPV_LIST, SHARED + " listeqp2024-cog2024.csv; the cog2025 file: same resource family, same header"),
    "qpv_correspondence": (
        ("code_qp_2024", "lib_qp_2024", "code_qp_2015", "lib_qp_2015"),
        "../shared/docs/data-sources.md (liste-correspondance-qp2024-qp2015.csv in the live dataset)",
    ),
    "qpv_2015": (
        ("CODE_QP", "NOM_QP", "COMMUNE_QP"),
        "../shared/docs/data-sources.md (QPV 2015); public scripts reading qp-politiquedelaville-shp.zip members",
    ),
    "ti": (("insee_com", "lib_com", "id_ti", "lib_ti"), SHARED),
    "acv": (("insee_com", "lib_com", "id_acv", "lib_acv", "date_signature"), SHARED),
    "pvd": (("insee_com", "lib_com", "id_pvd", "date_signature"), SHARED),
    "va": (("insee_com", "lib_com", "id_va"), SHARED),
    "cite": (("insee_com", "lib_com", "id_cite", "lib_cite"), SHARED),
    "cde": (("insee_com", "lib_com", "id_cde", "lib_cde"), SHARED),
    "ami": (("insee_com", "lib_com", "id_ami", "lib_ami"), SHARED),
    "amm": (("insee_com", "lib_com", "id_amm", "lib_porteur"), SHARED + "; " + SUPERPOSEUR),
    "crte_com": (("insee_com", "id_crte"), "../shared/docs/data-sources.md (More ANCT programmes)"),
    "crte_grpt": (CRTE_GRPT, "../shared/docs/data-sources.md (More ANCT programmes)"),
    "crte_list": (("id_crte", "lib_crte", "date_signature"), "../shared/docs/data-sources.md (More ANCT programmes)"),
    "fabt": (("insee_com", "id_fabt"), SUPERPOSEUR_V2 + " (r/309049b4-…: insee_com, MAPPING_ID_COLONNE id_fabt)"),
    "manup": (("insee_com", "id_manup"), SUPERPOSEUR_V2 + " (r/a1cf9852-…: insee_com, id_manup)"),
    "fabp": (("insee_com", "id_fabp"), SUPERPOSEUR_V2 + " (r/87d38102-…: insee_com, id_fabp)"),
    **{
        prefix: (
            ("insee_com", f"id_{prefix}"),
            SUPERPOSEUR_V2 + f" (r/{rid}: insee_com, MAPPING_ID_COLONNE id_{prefix})",
        )
        for prefix, rid in NEW_PROGRAMMES
    },
    # The columns ANCT's own reader keeps from this groupements file, in that order (MAJ/data_admin.py
    # _run_dissolve_dataset `keep`, after _preparer_tec); the file's own order is not evidenced.
    "tec": (
        ("id_tec", "siren_groupement", "lib_groupement", "nature_juridique"),
        SUPERPOSEUR_V2_ADMIN + " (DATASETS['tec'] r/4fbcd679-…, _preparer_tec, _run_dissolve_dataset)",
    ),
    "cross_table": (CROSS, "../shared/docs/data-sources.md (ngeo-anct-cog2025.csv header)"),
    "france_services": (FRANCE_SERVICES, SHARED + " liste-fs-20240801.csv"),
    # The companion files of the France services dataset: the site list's own columns only.
    "france_services_companion": (("id_fs", "insee_com", "lib_com"), "columns of the site list (" + SHARED + ")"),
    "mediation": (MEDIATION, "../shared/docs/data-sources.md (schema lieux de médiation numérique)"),
    "frr": (("codgeo", "libgeo", "codefrr"), "public code reading the Observatoire's export (data-sources.md)"),
    "density": (
        DENSITY,
        SHARED + " fichier_diffusion_2025.xlsx; MobiSurvStd/MobiSurvStd@34167ace691346c9e2b0b9d385d59a2bd7f42b0a "
        "src/mobisurvstd/resources/insee_data.py; CalumRob/lusk@ee512b26 pipeline/R/classes_densite.R",
    ),
    "ept": (
        ("CODGEO", "LIBGEO", "EPT", "LIBEPT"),
        "public code reading sheet Composition_communale of INSEE's ept_au_01-01-<year>.zip (skiprows=5: CODGEO, "
        "LIBGEO, EPT, LIBEPT; stored file ids 52800168646, 24920559175, 13619351069): see tests/fixtures/README.md",
    ),
    # Arcep's Ma connexion internet commune files, captured from the live edition 2026-03-31.
    "arcep_best_techno": (
        MCI
        + ("nbr_elig_8", "elig_ftth", "elig_coax", "elig_cu_30", "elig_thdr", "elig_cu_8", "elig_4gf")
        + ("elig_hdr", "elig_sat", "date"),
        MCI_EVIDENCE + "meilleure-techno-thd-sample.csv",
    ),
    "arcep_wired": (
        MCI + ("inel_hd", "elig_hd05", "elig_hd3", "elig_bhd8", "elig_thd30", "elig_thd100", "elig_thd1g", "date"),
        MCI_EVIDENCE + "debit-filaire-sample.csv",
    ),
    # ANCT's cleaned Observatoire grids, in its map repository (MAJ/data_grilles.py writes them; backend/data.py
    # reads insee_com and niveau_<grid>); the shared copies carry the same header.
    **{
        f"grid_{grid}": (("insee_com", "lib_com", f"niveau_{grid}"), GRIDS_EVIDENCE)
        for grid in ("centralite", "ruralite", "montagne")
    },
    "arcep": (ARCEP, SHARED + " 2023_T4_sites_Metropole.csv"),
    "geo_communes_outlines": (COMMUNE_OUTLINE, SHARED + " and ../shared/docs/data-sources.md"),
    "geo_communes": (("nom", "code", "codeDepartement", "codeRegion", "codeEpci", "population"), SHARED),
    "geo_associees": (("code", "nom", "type", "chefLieu", "codeDepartement", "codeRegion"), SHARED),
    "geo_departements": (("nom", "code", "codeRegion"), SHARED),
    "geo_regions_epcis": (("nom", "code"), SHARED),
    "wfs": (("code_insee", "nom_officiel", "code_insee_de_la_region"), SHARED + "; data-sources.md (ADMIN EXPRESS 4)"),
    # ADMINEXPRESS-COG-CARTO.LATEST:commune: the attribute list a public WFS client's preset for this layer
    # names (core/roads/commune_wfs.py), in its order.
    # The Observatoire's download API: `codgeo;libgeo[;an][;sexe];<indic>` (CSV answer), the XLSX answer's
    # sheet Data the same below its title rows (../shared/docs/observatoire.md 1.2-1.3, from mednum-cli @
    # 525661ab and territoire-portrait @ 90b40441; the XLSX from Hassan60200/Projet_m-moire_IA @ feadffd3).
    "observatoire_dens_pop": (("codgeo", "libgeo", "an", "dens_pop"), "../shared/docs/observatoire.md 1.2"),
    "observatoire_tx_chom1564": (
        ("codgeo", "libgeo", "an", "sexe", "tx_chom1564"),
        "../shared/docs/observatoire.md 1.2 (a `sexe` column for indicators by sex)",
    ),
    "observatoire_taux_pauv": (("codgeo", "libgeo", "an", "taux_pauv_m30"), "../shared/docs/observatoire.md 1.3"),
    "wfs_communes": (
        (
            "cleabs",
            "nom_officiel",
            "code_insee",
            "population",
            "date_du_recensement",
            "superficie_cadastrale",
            "code_insee_du_departement",
            "code_insee_de_la_region",
            "code_siren",
            "statut",
            "codes_siren_des_epci",
        ),
        "data-sources.md (ADMIN EXPRESS 4); a public WFS client's preset for this layer (core/roads/commune_wfs.py)",
    ),
}

# Fixture files (paths under tests/fixtures/mirror, fnmatch patterns) -> their source in LIVE.
FILES = {
    "*/qpv-2024-geojson.zip": "qpv_outlines",
    "*/qpv-2024-shp.zip": "qpv_outlines",
    "*/qpv-2024-gpkg.zip": "qpv_outlines",
    "*/listeqp2024-cog*.csv": "qpv_list",
    "*/liste-correspondance-qp2024-qp2015.csv": "qpv_correspondence",
    "*/qp-politiquedelaville-shp.zip": "qpv_2015",
    "*/liste-ti-com*.csv": "ti",
    "*/liste-acv-com*.csv": "acv",
    "*/liste-pvd-com*.csv": "pvd",
    "*/liste-va-com*.csv": "va",
    "*/liste-cite-com*.csv": "cite",
    "*/liste-cde-com*.csv": "cde",
    "*/liste-ami-com*.csv": "ami",
    "*/liste-amm-com*.csv": "amm",
    "*/liste-crte-com*.csv": "crte_com",
    "*/liste-crte-grpt*.csv": "crte_grpt",
    "*/liste-crte-2*.csv": "crte_list",
    "*/datasets/r/309049b4-*": "fabt",
    "*/datasets/r/a1cf9852-*": "manup",
    "*/datasets/r/87d38102-*": "fabp",
    **{f"*/datasets/r/{rid[:8]}-*": prefix for prefix, rid in NEW_PROGRAMMES},
    "*/datasets/r/4fbcd679-*": "tec",
    "*/ngeo-anct-cog*.csv": "cross_table",
    "*/liste-fs-2*.csv": "france_services",
    "*/liste-fs-com*.csv": "france_services_companion",
    "*/datasets/r/398edc71-*": "mediation",
    "*GC_API_download.php@*dataset=frr*": "frr",
    "*GC_API_download.php@*indic=dens_pop*": "observatoire_dens_pop",
    "*GC_API_download.php@*indic=tx_chom1564*": "observatoire_tx_chom1564",
    "*GC_API_download.php@*indic=taux_pauv_m30*": "observatoire_taux_pauv",
    "*/fichier_diffusion_*.xlsx": "density",
    "*/2510634/ept_au_01-01-*.zip": "ept",
    "data.arcep.fr/*_sites_Metropole.csv": "arcep",
    **{
        f"raw.githubusercontent.com/anct-carto/*/grilles/{grid}.csv": f"grid_{grid}"
        for grid in ("centralite", "ruralite", "montagne")
    },
    "data.arcep.fr/fixe/*/commune_meilleure_techno_thd.csv": "arcep_best_techno",
    "data.arcep.fr/fixe/*/commune_debit_filaire.csv": "arcep_wired",
    "geo.api.gouv.fr/communes@codeDepartement=*": "geo_communes_outlines",
    "geo.api.gouv.fr/communes@fields=*": "geo_communes",
    "geo.api.gouv.fr/communes_associees_deleguees": "geo_associees",
    "geo.api.gouv.fr/departements": "geo_departements",
    "geo.api.gouv.fr/regions": "geo_regions_epcis",
    "geo.api.gouv.fr/epcis@*": "geo_regions_epcis",
    "data.geopf.fr/wfs/*ADMINEXPRESS-COG-CARTO.LATEST%3Acommune*": "wfs_communes",
    "data.geopf.fr/wfs/*": "wfs",
}
# Not a publisher's data file: data.gouv.fr's own API documents (read for their resources), and the France
# services data dictionary (a documentation resource, invented content: never read as data).
NOT_DATA = ("www.data.gouv.fr/api/1/datasets/*/index", "*/dictionnaire-des-donnees-liste-fs.csv")


def csv_header(data: bytes) -> list[str]:
    first = data.decode("utf-8-sig", errors="replace").splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    header = next(csv.reader([first], delimiter=delimiter))
    while header and not header[-1]:
        header.pop()
    return header


def xlsx_headers(data: bytes, first: str) -> list[list[str]]:
    """Every row of every sheet that starts with ``first`` (inline strings, as the fixtures write them)."""
    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rows = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                for row in ElementTree.fromstring(archive.read(name)).iterfind(".//s:row", ns):
                    cells = ["".join(t.text or "" for t in c.iterfind(".//s:t", ns)) for c in row.iterfind("s:c", ns)]
                    if cells and cells[0] == first:
                        rows.append(cells)
    return rows


def dbf_fields(data: bytes) -> list[str]:
    names, at = [], 32
    while data[at] != 0x0D:
        names.append(struct.unpack("11s", data[at : at + 11])[0].split(b"\0")[0].decode("ascii"))
        at += 32
    return names


def zip_headers(data: bytes) -> list[list[str]]:
    """The fields of each dataset of an archive: GeoJSON properties, shapefile DBF fields, GeoPackage
    columns."""
    headers = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".geojson"):
                headers.append(list(json.loads(archive.read(name))["features"][0]["properties"]))
            elif name.endswith(".dbf"):
                headers.append(dbf_fields(archive.read(name)))
            elif name.endswith(".gpkg"):
                headers.append(gpkg_columns(archive.read(name)))
    return headers


def gpkg_columns(data: bytes) -> list[str]:
    import sqlite3
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".gpkg") as file_:
        file_.write(data)
        file_.flush()
        connection = sqlite3.connect(file_.name)
        try:
            (table,) = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()
            return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")') if row[1] != "geom"]
        finally:
            connection.close()


def json_keys(data: bytes) -> list[str]:
    document = json.loads(data)
    items = [f["properties"] for f in document["features"]] if isinstance(document, dict) else document
    return list(dict.fromkeys(key for item in items for key in item))


def headers_of(path: Path, source: str) -> list[list[str]]:
    data = path.read_bytes()
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            workbook = any(name.startswith("xl/") for name in archive.namelist())  # an XLSX, whatever its name
        if not workbook and source == "ept":  # INSEE's ZIP wrapping one workbook
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                (book,) = [name for name in archive.namelist() if name.endswith(".xlsx")]
                data, workbook = archive.read(book), True
        return xlsx_headers(data, LIVE[source][0][0]) if workbook else zip_headers(data)
    if data.lstrip()[:1] in (b"{", b"["):
        return [json_keys(data)]
    return [csv_header(data)]


def is_subsequence(part, whole) -> bool:
    remaining = iter(whole)
    return all(column in remaining for column in part)


def source_of(relative: str) -> str | None:
    return next((source for pattern, source in FILES.items() if fnmatch.fnmatch(relative, pattern)), None)


def fixture_files() -> list[tuple[str, str | None]]:
    """(path under the mirror, its source in LIVE); a stable link ``/datasets/r/<id>`` holding the bytes of a
    static file is that file's fixture."""
    files = sorted(p for p in MIRROR.rglob("*") if p.is_file())
    static = {p.read_bytes(): p.relative_to(MIRROR).as_posix() for p in files if "static.data.gouv.fr" in p.parts}
    found = []
    for path in files:
        relative = path.relative_to(MIRROR).as_posix()
        original = static.get(path.read_bytes(), relative) if "/datasets/r/" in relative else relative
        if not any(fnmatch.fnmatch(original, pattern) for pattern in NOT_DATA):
            found.append((relative, source_of(relative) or source_of(original)))
    return found


@pytest.mark.parametrize(("relative", "source"), fixture_files(), ids=lambda value: str(value)[-60:])
def test_each_fixture_header_is_the_live_header(relative, source):
    assert source, f"{relative}: no entry in FILES: add its live header, with evidence, to LIVE"
    path = MIRROR / relative
    live, evidence = LIVE[source]
    headers = headers_of(path, source)
    assert headers and evidence
    for header in headers:
        if path.read_bytes().lstrip()[:1] in (b"{", b"["):
            assert set(header) <= set(live), f"{relative}: {sorted(set(header) - set(live))} not published"
        else:
            assert is_subsequence(header, live), f"{relative}: {header} is not the published {list(live)}"


def test_the_density_fixture_has_the_seven_levels_where_insee_puts_them():
    (path,) = MIRROR.rglob("fichier_diffusion_*.xlsx")
    assert xlsx_headers(path.read_bytes(), "CODGEO") == [list(DENSITY)] * 2  # documentation sheet and grid

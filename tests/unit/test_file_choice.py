"""Files chosen as their publishers name them: every sibling the publisher has, and ties."""

import pytest

from anct_qgis_plugin.core.errors import CatalogueError
from anct_qgis_plugin.core.published.catalogue import QPV_LIST, get_source
from anct_qgis_plugin.core.published.datagouv import name_date, resource_source_date, select_resource

STATIC = "https://static.data.gouv.fr/resources"
QPV_TITLE = "Perimètre des quartiers prioritaires de la politique de la ville 2024 (format {})"


def resource(slug, stamp, name, fmt, title=None, kind="main", modified="2026-01-15T20:43:23+00:00"):
    return {
        "title": title or name,
        "format": fmt,
        "type": kind,
        "url": f"{STATIC}/{slug}/{stamp}/{name}",
        "latest": f"https://www.data.gouv.fr/api/1/datasets/r/{name}",
        "last_modified": modified,
    }


def qpv_document():
    slug = "quartiers-prioritaires-de-la-politique-de-la-ville-qpv"
    return {
        "resources": [
            resource(
                slug,
                "20260116-110350",
                "listeqp2024-cog2024.csv",
                "csv",
                "Liste des quartiers prioritaires de la politique de la ville 2024 (format CSV)",
                modified="2026-01-16T11:03:50+00:00",
            ),
            resource(slug, "20260115-204323", "qpv-2024-geojson.zip", "zip", QPV_TITLE.format("geojson")),
            resource(slug, "20260115-204323", "qpv-2024-shp.zip", "zip", QPV_TITLE.format("shp")),
            resource(slug, "20260115-204323", "qpv-2024-gpkg.zip", "zip", QPV_TITLE.format("gpkg")),
            resource(
                slug,
                "20260116-110350",
                "liste-correspondance-qp2024-qp2015.csv",
                "csv",
                modified="2026-01-16T11:03:51+00:00",
            ),
        ]
    }


def fs_document():
    slug = "liste-des-structures-labellisees-france-services"
    return {
        "resources": [
            resource(slug, "20240801-090000", "liste-fs-20240801.csv", "csv", modified="2024-08-01T09:00:00+00:00"),
            resource(
                slug, "20240801-091500", "liste-fs-com2024-20240801.csv", "csv", modified="2024-08-01T09:15:00+00:00"
            ),
            resource(
                slug,
                "20240801-091600",
                "dictionnaire-des-donnees-liste-fs.csv",
                "csv",
                "Dictionnaire des données",
                kind="documentation",
                modified="2024-08-01T09:16:00+00:00",
            ),
            resource(slug, "20240801-090000", "liste-fs-20240801.xlsx", "xlsx"),
        ]
    }


def file_of(document, locator):
    return select_resource(document, locator)["url"].rsplit("/", 1)[-1]


def test_qpv_outlines_are_the_geojson_zip_not_its_shp_and_gpkg_siblings():
    assert file_of(qpv_document(), get_source("qpv").locator) == "qpv-2024-geojson.zip"


def test_qpv_list_is_the_list_not_the_correspondence_table():
    assert file_of(qpv_document(), QPV_LIST.locator) == "listeqp2024-cog2024.csv"


def test_france_services_is_the_site_list_never_its_newer_commune_companion():
    assert file_of(fs_document(), get_source("france_services").locator) == "liste-fs-20240801.csv"


def test_a_documentation_resource_never_counts():
    document = fs_document()
    document["resources"][0]["type"] = "documentation"
    with pytest.raises(CatalogueError, match="liste-fs-com2024-20240801.csv"):
        select_resource(document, get_source("france_services").locator)


def test_newest_vintage_by_the_date_in_the_file_name():
    slug = "programme-action-coeur-de-ville"
    document = {
        "resources": [
            # The older vintage re-uploaded later: its last_modified is newer, its name says 2023.
            resource(slug, "20250101-120000", "liste-acv-com2023-20230412.csv", "csv", modified="2025-01-01T12:00:00"),
            resource(slug, "20240905-120000", "liste-acv-com2024-20240905.csv", "csv", modified="2024-09-05T12:00:00"),
        ]
    }
    assert file_of(document, get_source("action_coeur_de_ville").locator) == "liste-acv-com2024-20240905.csv"


def test_two_files_that_fit_equally_are_an_error_listing_both():
    document = qpv_document()
    document["resources"].append(
        resource("qpv", "20260120-000000", "qpv-2024-geojson.zip", "zip", QPV_TITLE.format("geojson"))
    )
    with pytest.raises(CatalogueError, match="several files"):
        select_resource(document, get_source("qpv").locator)


def test_nothing_fits_lists_what_was_published():
    document = {"resources": [resource("x", "20240101-000000", "autre-fichier.csv", "csv", "Autre chose")]}
    with pytest.raises(CatalogueError) as error:
        select_resource(document, get_source("france_services").locator)
    assert "autre-fichier.csv" in str(error.value) and "Autre chose" in str(error.value)


def test_unexpected_resource_shapes_are_skipped_not_fatal():
    document = fs_document()
    document["resources"][:0] = ["not a resource", {"format": None, "title": None, "url": None}]
    assert file_of(document, get_source("france_services").locator) == "liste-fs-20240801.csv"


def test_source_dates_come_from_the_file_name_then_the_resource():
    assert name_date("liste-fs-20240801.csv") == "2024-08-01"
    assert name_date("liste-acv-com2024-20240905.csv") == "2024-09-05"
    assert name_date("listeqp2024-cog2024.csv") == ""
    assert (
        resource_source_date(
            {"url": f"{STATIC}/x/y/listeqp2024-cog2024.csv", "last_modified": "2026-01-16T11:03:50+00:00"}
        )
        == "2026-01-16"
    )


def test_the_qpv_list_in_the_newest_cog_wins_whatever_its_upload_date():
    # listeqp2024-cog2025 beside the COG 2024 file: the newer COG wins, even uploaded before it.
    document = qpv_document()
    slug = "quartiers-prioritaires-de-la-politique-de-la-ville-qpv"
    title = "Liste des quartiers prioritaires de la politique de la ville 2024 (format CSV)"
    newer = resource(slug, "20260110-090000", "listeqp2024-cog2025.csv", "csv", title, modified="2026-01-10T09:00:00")
    document["resources"].append(newer)
    assert file_of(document, QPV_LIST.locator) == "listeqp2024-cog2025.csv"


def test_the_2015_outlines_are_the_shapefile_archive_published_without_2015_in_its_name():
    document = qpv_document()
    slug = "quartiers-prioritaires-de-la-politique-de-la-ville-qpv"
    document["resources"].append(resource(slug, "20180110-144945", "qp-politiquedelaville-shp.zip", "zip"))
    assert file_of(document, get_source("qpv_2015").locator) == "qp-politiquedelaville-shp.zip"
    # Absent from the dataset: an error listing what is published (check_sources says "unpublished").
    with pytest.raises(CatalogueError, match="qp-politiquedelaville-shp"):
        select_resource(qpv_document(), get_source("qpv_2015").locator)


def test_france_services_follows_the_dataset_listing_to_a_newer_resource():
    # ANCT uploads a new vintage as a new resource (its own map moved to r/f49fe9e1-… in 2025): the
    # listing decides, the newest date in the name winning, whatever the order or the resource ids.
    document = fs_document()
    slug = "liste-des-structures-labellisees-france-services"
    newer = resource(slug, "20250603-080000", "liste-fs-20250603.csv", "csv", modified="2025-06-03T08:00:00+00:00")
    newer["latest"] = "https://www.data.gouv.fr/api/1/datasets/r/f49fe9e1-f9bb-4dbd-8dfe-b9fad31899ef"
    document["resources"].insert(0, newer)
    chosen = select_resource(document, get_source("france_services").locator)
    assert chosen["latest"].endswith("/r/f49fe9e1-f9bb-4dbd-8dfe-b9fad31899ef")

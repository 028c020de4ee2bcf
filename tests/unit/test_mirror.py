"""The mirror rule of data-sources.md, and root containment."""

import pytest

from anct_qgis_plugin.core.errors import MirrorError
from anct_qgis_plugin.core.travel.mirror import Mirror, mirror_relative_path


@pytest.mark.parametrize(
    "url, expected",
    [
        (
            "https://geo.api.gouv.fr/communes?codeDepartement=36&format=geojson&geometry=contour",
            "geo.api.gouv.fr/communes@codeDepartement=36&format=geojson&geometry=contour",
        ),
        (
            "https://geo.api.gouv.fr/communes?format=json&fields=nom,code,codeDepartement,codeRegion,codeEpci,population",
            "geo.api.gouv.fr/communes@fields=nom,code,codeDepartement,codeRegion,codeEpci,population&format=json",
        ),
        (
            "https://www.data.gouv.fr/api/1/datasets/programme-action-coeur-de-ville/",
            "www.data.gouv.fr/api/1/datasets/programme-action-coeur-de-ville/index",
        ),
        ("https://geo.api.gouv.fr", "geo.api.gouv.fr/index"),
        (
            "https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
            "&TYPENAMES=ADMINEXPRESS-COG-CARTO.LATEST:region&OUTPUTFORMAT=application/json&SRSNAME=EPSG:4326",
            "data.geopf.fr/wfs/ows@OUTPUTFORMAT=application%2Fjson&REQUEST=GetFeature&SERVICE=WFS"
            "&SRSNAME=EPSG%3A4326&TYPENAMES=ADMINEXPRESS-COG-CARTO.LATEST%3Aregion&VERSION=2.0.0",
        ),
        ("https://example.org/a?b=2&a=3&a=1", "example.org/a@a=1&a=3&b=2"),
    ],
)
def test_mirror_rule(url, expected):
    assert mirror_relative_path(url) == expected


@pytest.mark.parametrize(
    "url",
    ["https://example.org/../etc/passwd", "https://example.org/a/./b", "file:///etc/passwd", "ftp://example.org/x"],
)
def test_refuses_paths_leaving_the_root(url):
    with pytest.raises(MirrorError):
        mirror_relative_path(url)


def test_directory_mirror_stays_inside_root(tmp_path):
    (tmp_path / "example.org").mkdir()
    (tmp_path / "outside").write_text("secret")
    (tmp_path / "example.org" / "link").symlink_to(tmp_path.parent)
    mirror = Mirror(str(tmp_path))
    assert mirror.locate("https://example.org/data.csv") == str(tmp_path / "example.org" / "data.csv")
    with pytest.raises(MirrorError):
        mirror.locate("https://example.org/link/x")


def test_http_mirror_quotes_the_mirror_path():
    mirror = Mirror("http://127.0.0.1:9/base")
    located = mirror.locate("https://data.geopf.fr/wfs/ows?OUTPUTFORMAT=application/json")
    assert located == "http://127.0.0.1:9/base/data.geopf.fr/wfs/ows@OUTPUTFORMAT=application%252Fjson"


def test_missing_mirror_folder_is_a_clear_error(tmp_path):
    with pytest.raises(MirrorError, match="does not exist"):
        Mirror(str(tmp_path / "nowhere"))


@pytest.mark.parametrize("userinfo", ["TOKEN@", "USER:P@SS:W%2FRD@"])
def test_the_credentials_of_an_http_mirror_leave_its_urls(userinfo):
    mirror = Mirror(f"https://{userinfo}mirror.example/anct")
    assert mirror.root == "https://mirror.example/anct/"
    assert mirror.locate("https://geo.api.gouv.fr/regions") == "https://mirror.example/anct/geo.api.gouv.fr/regions"
    assert mirror.auth == {"TOKEN@": ("TOKEN", ""), "USER:P@SS:W%2FRD@": ("USER", "P@SS:W/RD")}[userinfo]


@pytest.mark.parametrize("root", ["http://mirror.example/a\x00b/", "/tmp/a\x00b", "http://mirror.example:port/"])
def test_a_mirror_with_a_control_character_or_a_bad_port_is_refused_with_a_sentence(root):
    with pytest.raises(MirrorError, match="control character|invalid port"):
        Mirror(root)

"""Paths of the files shipped in resources/ (next to the code in the installed plugin,
at the repository root in a source checkout)."""

import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def resources_dir():
    for candidate in (os.path.join(_HERE, "resources"), os.path.join(os.path.dirname(_HERE), "resources")):
        if os.path.isdir(candidate):
            return candidate
    return os.path.join(_HERE, "resources")


def resource_path(*parts):
    return os.path.join(resources_dir(), *parts)


def i18n_dir():
    for candidate in (os.path.join(_HERE, "i18n"), os.path.join(os.path.dirname(_HERE), "i18n")):
        if os.path.isdir(candidate):
            return candidate
    return os.path.join(_HERE, "i18n")


GUIDE_URL = "https://github.com/anct-qgis/anct-qgis-plugin/blob/main/docs/guide-utilisateur.md"


def guide_path():
    """The French user guide shipped with the plugin (docs/ in the package or the checkout), or ''."""
    for candidate in (
        os.path.join(_HERE, "docs", "guide-utilisateur.md"),
        os.path.join(os.path.dirname(_HERE), "docs", "guide-utilisateur.md"),
    ):
        if os.path.isfile(candidate):
            return candidate
    return ""

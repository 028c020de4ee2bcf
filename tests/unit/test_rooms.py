"""The arrows point one way: between the plugin's packages (docs/architecture.md, "Which way the arrows
point") and between the rooms of core/ (floor modules, then travel, published, roads, building,
memberships, storage, checks, and service.py on top). Read with ast like the cycle check."""

from tests.unit.test_import_graph import import_graph

PLUGIN = "anct_qgis_plugin"
# What each package may import of ours (itself aside); compat.py and resources_paths.py are leaves all may use.
LEAVES = {"compat", "resources_paths"}
PACKAGES = {
    "diagnostics": set(),
    "core": {"diagnostics"} | LEAVES,
    "engine": {"core", "diagnostics"} | LEAVES,
    "cartography": {"engine", "core", "diagnostics"} | LEAVES,
    "processing": {"cartography", "engine", "core", "diagnostics"} | LEAVES,
    "gui": {"cartography", "engine", "core", "diagnostics"} | LEAVES,
}
ROOMS = ["travel", "published", "roads", "building", "memberships", "storage", "checks"]
FLOOR = {"errors", "i18n", "secrets", "report", "memory"}


def package_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def room_of(module):
    """0 for the floor, then each room in order, and the top for service.py (and core's __init__)."""
    parts = module.split(".")
    if parts[:2] != [PLUGIN, "core"] or len(parts) == 2:
        return None
    if parts[2] in FLOOR:
        return 0
    if parts[2] in ROOMS:
        return 1 + ROOMS.index(parts[2])
    return len(ROOMS) + 1


def upward(graph):
    """Every import that points the wrong way, as 'a -> b'."""
    found = []
    for module, targets in graph.items():
        package = package_of(module)
        for target in targets:
            other = package_of(target)
            if package in PACKAGES and other != package and other not in PACKAGES[package]:
                found.append(f"{module} -> {target}")
            here, there = room_of(module), room_of(target)
            if here is not None and there is not None and there > here:
                found.append(f"{module} -> {target}")
    return sorted(found)


def test_the_check_finds_an_arrow_upward():
    graph = {
        "anct_qgis_plugin.core.travel.fetcher": {"anct_qgis_plugin.core.published.parsers"},
        "anct_qgis_plugin.core.errors": {"anct_qgis_plugin.core.secrets"},
        "anct_qgis_plugin.engine.figures": {"anct_qgis_plugin.cartography.texts"},
    }
    assert upward(graph) == [
        "anct_qgis_plugin.core.travel.fetcher -> anct_qgis_plugin.core.published.parsers",
        "anct_qgis_plugin.engine.figures -> anct_qgis_plugin.cartography.texts",
    ]


def test_every_core_module_lives_in_a_room_or_on_the_floor():
    graph = import_graph()
    loose = [m for m in graph if room_of(m) == len(ROOMS) + 1 and m != f"{PLUGIN}.core.service"]
    assert loose == []


def test_the_arrows_point_downward():
    assert upward(import_graph()) == []

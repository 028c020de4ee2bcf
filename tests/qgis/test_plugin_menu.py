"""The plugin's menu and the provider, derived from the algorithms (issue 25 §7): the same
entries in the same order as when they were listed by hand, every algorithm module's algorithms."""


def test_the_menu_opens_the_algorithms_that_have_a_menu_text(qgis_iface, qgis_processing):
    import anct_qgis_plugin
    from anct_qgis_plugin.processing.provider import menu_entries

    assert menu_entries() == [
        ("Fetch an ANCT layer…", "anct:fetch_layer"),
        ("Fetch a territory pack…", "anct:fetch_territory_pack"),
        ("Service gap…", "anct:service_gap"),
        ("Territory key figures…", "anct:territory_profile"),
        ("Department atlas sheets…", "anct:department_atlas"),
    ]
    plugin = anct_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:  # after the panel and the commune card, one action per entry
        assert [action.text() for action in plugin.actions[2:]] == [text for text, _id in menu_entries()]
    finally:
        plugin.unload()


def test_the_provider_lists_every_algorithm_module(provider):
    from qgis.core import QgsProcessingModelAlgorithm

    from anct_qgis_plugin.processing.provider import algorithm_classes

    names = [algorithm().name() for algorithm in algorithm_classes()]
    assert sorted(names) == [
        "check_sources",
        "department_atlas",
        "fetch_indicator",
        "fetch_layer",
        "fetch_road_network",
        "fetch_territory_pack",
        "mobile_coverage_gap",
        "programme_matrix",
        "service_gap",
        "territory_profile",
    ]
    listed = {a.name() for a in provider.algorithms() if not isinstance(a, QgsProcessingModelAlgorithm)}
    assert listed == set(names)

"""Every algorithm documented where QGIS looks: a one-line description, search tags, a help URL to
the generated parameter reference (docs/algorithms.md, kept equal to the declarations), help pages
that name every output and, for fetch_layer, every layer of the catalogue."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "algorithms.md"


def reference_module():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_algorithm_reference

        return make_algorithm_reference
    finally:
        sys.path.remove(str(ROOT / "scripts"))


def own(provider):
    return reference_module().own_algorithms(provider)


def test_the_reference_is_the_declarations(provider):
    expected = reference_module().reference(own(provider))
    assert REFERENCE.read_text(encoding="utf-8") == expected, "run: make algorithm-reference"


def test_every_algorithm_has_a_description_tags_and_a_help_url_that_exists(provider):
    anchors = set(re.findall(r"(?m)^## (\w+)$", REFERENCE.read_text(encoding="utf-8")))
    for algorithm in own(provider):
        assert algorithm.shortDescription() and len(algorithm.tags()) >= 6, algorithm.id()
        url = algorithm.helpUrl()
        assert url.endswith(f"docs/algorithms.md#{algorithm.name()}") and algorithm.name() in anchors


def test_words_users_search_find_the_algorithms(provider):
    tags = {algorithm.name(): " ".join(algorithm.tags()).lower() for algorithm in own(provider)}
    for word, name in (
        ("qpv", "fetch_layer"),
        ("accessibilité", "service_gap"),
        ("temps de trajet", "service_gap"),
        ("couverture mobile", "mobile_coverage_gap"),
        ("atlas", "department_atlas"),
        ("france services", "service_gap"),
    ):
        assert word in tags[name], (word, name)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_output_is_named_in_the_help_pages_and_the_readme(provider, language):
    from anct_qgis_plugin.processing.support.help_pages import help_page

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for algorithm in own(provider):
        page = help_page(algorithm.name(), language)
        for output in algorithm.outputDefinitions():
            if f"<code>{output.name()}</code>" not in page:
                missing.append(f"{algorithm.name()}.{language}.html: {output.name()}")
            if f"`{output.name()}`" not in readme:
                missing.append(f"README: {algorithm.name()} {output.name()}")
    assert not missing


@pytest.mark.parametrize("language", ["en", "fr"])
def test_fetch_layer_help_lists_every_catalogue_layer(language):
    from anct_qgis_plugin.core.published.catalogue import LAYER_IDS
    from anct_qgis_plugin.processing.support.help_pages import help_page

    page = help_page("fetch_layer", language)
    assert [layer for layer in LAYER_IDS if f"<code>{layer}</code>" not in page] == []


def test_the_help_reads_as_plain_text_in_a_terminal():
    from anct_qgis_plugin.processing.support.help_pages import help_page, plain_text

    text = plain_text(help_page("service_gap", "en"))
    assert "<" not in text and "&" not in text.replace("& ", "")
    assert "\n- " in text  # list items on their own lines


@pytest.mark.skipif(not Path("/usr/bin/qgis_process.bin").exists(), reason="qgis_process.bin not installed")
def test_qgis_process_help_prints_text_not_html(tmp_path):
    import os

    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "qgis"), QT_QPA_PLATFORM="offscreen")
    subprocess.run(["make", "-s", "deploy"], cwd=ROOT, env=env, check=True, capture_output=True)
    shown = subprocess.run(
        ["qgis_process.bin", "help", "anct:service_gap"], env=env, capture_output=True, text=True, timeout=120
    )
    assert shown.returncode == 0, shown.stderr
    assert "<li>" not in shown.stdout and "<p>" not in shown.stdout and "- " in shown.stdout

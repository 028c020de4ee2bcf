"""The example models the provider ships load in QGIS and run headless, as a user runs them."""

import pytest

MODEL_30_MIN = "anct:France services à plus de 30 minutes par la route (département)"
MODEL_ATLAS = "anct:Atlas d'une région"


def test_the_provider_registers_the_example_models(provider):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    for model_id in (MODEL_30_MIN, MODEL_ATLAS):
        model = registry.algorithmById(model_id)
        assert model is not None, model_id
        assert model.group() == "Modèles d'exemple — Example models"
        # Every step is an algorithm QGIS knows (a renamed parameter or algorithm would show here).
        assert all(child.algorithm() is not None for child in model.childAlgorithms().values())


def test_the_30_minutes_model_runs_headless_on_the_fixture_roads(anct_env, run_alg, tmp_path):
    from qgis.core import QgsVectorLayer

    output = tmp_path / "beyond.gpkg"
    parameters = {"departement": "36", "gap:summary": "memory:", "beyond:beyond_30_min": str(output)}
    results = run_alg(MODEL_30_MIN, parameters)
    layer = QgsVectorLayer(results["beyond:beyond_30_min"], "beyond")
    assert layer.isValid()
    beyond = list(layer.getFeatures())
    assert all(feature["beyond_threshold"] == 1 for feature in beyond)
    summary = results["gap:summary"]
    summary = summary if not isinstance(summary, str) else QgsVectorLayer(summary, "summary")
    (total,) = [f for f in summary.getFeatures() if f["level"] == "total"]
    # The extracted units are exactly those the summary counts beyond 30 minutes (one in the fixtures).
    assert len(beyond) == total["units_beyond"] == 1
    assert sum(feature["population"] for feature in beyond) == total["population_beyond"] > 0


@pytest.mark.parametrize("region", ["24", "reg:24"])
def test_the_atlas_model_reads_a_region_code_with_or_without_its_prefix(provider, region):
    from qgis.core import QgsApplication, QgsExpression, QgsExpressionContext, QgsExpressionContextScope

    model = QgsApplication.processingRegistry().algorithmById(MODEL_ATLAS)
    expression = model.childAlgorithm("atlas").parameterSources()["DEPARTMENTS"][0].expression()
    scope = QgsExpressionContextScope()
    scope.setVariable("region", region)
    context = QgsExpressionContext()
    context.appendScope(scope)
    assert QgsExpression(expression).evaluate(context) == "reg:24"

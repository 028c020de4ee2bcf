"""The legend in the UI language (presentation.translate_legend): categories and classes are
translated, other renderers are left as they are."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from anct_qgis_plugin.core.published.presentation import translate_legend


def polygons():
    return QgsVectorLayer("Polygon?crs=EPSG:2154&field=kind:string&field=km:double", "legend", "memory")


def test_categories_and_classes_in_english(qgis_app):
    categorized, graduated = polygons(), polygons()
    categorized.setRenderer(
        QgsCategorizedSymbolRenderer("kind", [QgsRendererCategory("4g", QgsFillSymbol(), "Site 4G")])
    )
    graduated.setRenderer(QgsGraduatedSymbolRenderer("km", [QgsRendererRange(5, 10, QgsFillSymbol(), "5 à 10 km")]))
    translate_legend(categorized, "en")
    translate_legend(graduated, "en")
    assert [c.label() for c in categorized.renderer().categories()] == ["4G site"]
    assert [r.label() for r in graduated.renderer().ranges()] == ["5 to 10 km"]


def test_french_and_other_renderers_unchanged(qgis_app):
    categorized, rules = polygons(), polygons()
    categorized.setRenderer(
        QgsCategorizedSymbolRenderer("kind", [QgsRendererCategory("4g", QgsFillSymbol(), "Site 4G")])
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol(), 0, 0, "km > 5", "Plus de 5 km"))
    rules.setRenderer(QgsRuleBasedRenderer(root))
    translate_legend(categorized, "fr")
    translate_legend(rules, "en")
    assert [c.label() for c in categorized.renderer().categories()] == ["Site 4G"]
    assert [rule.label() for rule in rules.renderer().rootRule().children()] == ["Plus de 5 km"]

"""The engines behind the algorithms: QGIS-aware reading of layers and building of results,
around diagnostics/' pure computations. Typed results, no Processing parameters, no widgets."""

"""Computations on plain arrays and tables (numpy, scipy, pandas). No QGIS, no widgets."""

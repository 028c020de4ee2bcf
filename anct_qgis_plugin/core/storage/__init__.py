"""Writing layers: packs, GeoPackage tables that others hold open, temporary files."""

"""Building layers: a Source for a territory becomes a memory layer, with its provenance."""

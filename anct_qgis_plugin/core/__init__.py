"""The data layer: catalogue, territories, HTTP, cache and parsing. No widgets, no Processing."""

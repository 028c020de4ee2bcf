"""Roads: the BD TOPO WFS, its pages, tiles and sections, and the road layer."""

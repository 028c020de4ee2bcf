"""The look of the printed sheets, shared by the template, its generator (scripts/make_layout.py)
and the charts: palette and font faces."""

# Palette of the sheet (DSFR-like): bleu France, rouge Marianne and greys.
COLOURS = {
    "bleu_france": "#000091",
    "rouge_marianne": "#E1000F",
    "blue_grey": "#7D86B4",  # région series of the charts
    "light_grey": "#C8C8C8",  # France series of the charts
    "text": "#161616",
    "text_secondary": "#3A3A3A",
    "muted": "#666666",
    "rule": "#DDDDDD",
    "axis": "#929292",
    "box_background": "#F5F5FE",  # key-figure boxes
    "box_border": "#CACAFB",
    "row_alternate": "#F2F2F2",  # EPCI table, every other row
    "header_background": "#E3E3FD",
}

# Font of the template. Arial is on every Windows and macOS workstation; on Linux fontconfig
# maps it to a metric-compatible face (Liberation Sans, Nimbus Sans), so texts keep their widths.
FONT_FAMILY = "Arial"
# Preferred faces, best first, for template.best_font_family()/apply_font_family().
FONT_CANDIDATES = ("Marianne", "Arial", "Liberation Sans", "Nimbus Sans", "Helvetica", "DejaVu Sans")

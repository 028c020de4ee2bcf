"""Printed sheets (the "Atlas des départements"), one job per module:

- ``style``: palette and font faces, shared with scripts/make_layout.py;
- ``template``: the .qpt template: item ids, loading, filling its items;
- ``texts``: the words and numbers of a sheet (fr/en), its source credits;
- ``charts``: the comparison chart (QPainter -> SVG);
- ``atlas``: one département's sheet (its project, the template filled with its inputs);
- ``export``: PDF writing (and a PDF's bookmarks);
- ``volume``: several départements in one PDF: their order, the contents page, page numbers across it;
- ``sheets``: the run: the sheets of a list of départements printed (figures from engine/).
"""

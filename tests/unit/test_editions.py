"""Arcep's quarters and INSEE's years: labels, last days, looking back."""

import datetime

import pytest

from anct_qgis_plugin.core.errors import CatalogueError
from anct_qgis_plugin.core.published.catalogue import YearlyUrl
from anct_qgis_plugin.core.published.editions import Quarter, Year, candidate_urls, editions_back


def test_current_quarter_and_looking_back_across_years():
    start = Quarter.of(datetime.date(2026, 12, 1))
    assert start.label == "2026_T4"
    assert [q.label for q in editions_back(start, 13)][-2:] == ["2024_T1", "2023_T4"]


def test_last_days():
    assert [Quarter(2024, n).last_day for n in (1, 2, 3, 4)] == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]


def test_a_pinned_quarter_is_checked():
    assert Quarter.parse("2024_t2") == Quarter(2024, 2)
    with pytest.raises(CatalogueError, match="YYYY_Tn"):
        Quarter.parse("2024-Q2")


def test_yearly_files_are_looked_for_from_this_year_back():
    locator = YearlyUrl("https://example.org/grid_{year}.xlsx", look_back=3)
    urls = candidate_urls(locator, config=None, today=datetime.date(2026, 12, 2))
    assert [(year.label, url) for year, url in urls] == [
        ("2026", "https://example.org/grid_2026.xlsx"),
        ("2025", "https://example.org/grid_2025.xlsx"),
        ("2024", "https://example.org/grid_2024.xlsx"),
    ]
    assert Year(2024).last_day == "2024-01-01"
    with pytest.raises(CatalogueError, match="YYYY"):
        Year.parse("24")

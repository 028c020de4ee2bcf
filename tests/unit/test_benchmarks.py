"""The benchmarks' harness (statistics, the JSON record) and the generator of docs/benchmarks.md, without QGIS."""

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import harness  # noqa: E402
import report  # noqa: E402

SAMPLE = {
    "script": "demo",
    "command": "QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/demo.py --runs 3",
    "machine": {"cpus": 2, "python": "3.11.2", "system": "Linux", "date": "2026-12-10", "commit": "abc1234"},
    "scenarios": [
        {
            "name": "FR",
            "label": "all of France",
            "ours": {"runs": [2.0, 1.0, 4.0], "median": 2.0, "min": 1.0, "max": 4.0},
            "native": {"runs": [4.0], "median": 4.0, "min": 4.0, "max": 4.0},
            "native_label": "`native:joinattributestable`",
            "unit": "s",
            "target": "< 5 s",
            "met": True,
            "peak_mb": 812.4,
            "ratio": 0.5,
            "notes": {"communes": 34875},
        },
        {
            "name": "card",
            "label": "a card",
            "ours": {"runs": [8.25], "median": 8.25, "min": 8.25, "max": 8.25},
            "native": None,
            "native_label": "",
            "unit": "ms",
            "target": "< 200 ms",
            "met": False,
            "peak_mb": None,
            "ratio": None,
            "notes": {},
        },
        {
            "name": "qpv",
            "label": "qpv, cold",
            "ours": {"runs": [0.0123, 0.02], "median": 0.01615, "min": 0.0123, "max": 0.02},
            "native": None,
            "native_label": "",
            "unit": "s",
            "target": "",
            "met": None,
            "peak_mb": None,
            "ratio": None,
            "notes": {"unavailable": "HTTP 404"},
        },
    ],
}

EXPECTED_TABLE = """```sh
QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/demo.py --runs 3
```

measured 2026-12-10, code `abc1234`, Python 3.11.2, 2 CPUs.

| scenario | ours | native QGIS baseline | ratio | target | peak memory |
|---|---|---|---|---|---|
| all of France | 2.00 s (1.00–4.00, 3 runs) | `native:joinattributestable`: 4.00 s | 0.50 | < 5 s: met | 812 MB |
| a card | 8.2 ms | - | - | < 200 ms: **missed** | - |
| qpv, cold (unavailable) | 0.016 s (0.012–0.020, 2 runs) | - | - | - | - |"""


def test_stats_median_min_max_of_odd_and_even_runs():
    odd, even = harness.summarise([3.0, 1.0, 2.0]), harness.summarise([4, 1, 2, 3])
    assert (odd.median, odd.min, odd.max) == (2.0, 1.0, 3.0)
    assert (even.median, even.min, even.max) == (2.5, 1.0, 4.0)
    assert even.as_dict() == {"runs": [4.0, 1.0, 2.0, 3.0], "median": 2.5, "min": 1.0, "max": 4.0}


def test_no_run_is_an_error():
    with pytest.raises(ValueError):
        harness.summarise([])


def test_measure_times_the_runs_after_untimed_warmups():
    calls = []
    stats = harness.measure(lambda: calls.append(1), runs=3, warmup=2)
    assert len(calls) == 5
    assert len(stats.runs) == 3
    assert all(value >= 0 for value in stats.runs)


def test_scenario_ratio_is_ours_over_native():
    scenario = harness.Scenario("x", "x", harness.summarise([1.0, 3.0, 2.0]), harness.summarise([4.0]))
    assert scenario.ratio == 0.5
    assert harness.Scenario("y", "y", harness.summarise([1.0])).ratio is None
    data = scenario.as_dict()
    assert data["ratio"] == 0.5 and data["ours"]["median"] == 2.0 and data["native"]["runs"] == [4.0]


def test_record_writes_json_with_the_command_a_reader_would_type(tmp_path):
    record = harness.Record("demo", ["--runs", "3", "--results", str(tmp_path)])
    record.add(harness.Scenario("x", "x", harness.summarise([1.0]), unit="ms", target="< 2 ms", met=True))
    path = record.write(str(tmp_path))
    assert path == tmp_path / "demo.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["command"] == "QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/demo.py --runs 3"
    assert data["scenarios"][0]["met"] is True and data["scenarios"][0]["unit"] == "ms"
    assert {"cpus", "python", "date", "commit"} <= set(data["machine"])
    assert record.write(str(tmp_path / "other.json")) == tmp_path / "other.json"
    assert harness.Record("demo", [], name="demo_all").write(str(tmp_path)) == tmp_path / "demo_all.json"


def test_the_generator_writes_tables_and_values_from_the_results():
    template = (
        "# Title\n\n{{table demo}}\n\nFrance took {{value demo FR ours.median 1}} s, ratio {{value demo FR ratio 2}}.\n"
    )
    text = report.render(template, {"demo": SAMPLE})
    assert text == report.HEADER + f"# Title\n\n{EXPECTED_TABLE}\n\nFrance took 2.0 s, ratio 0.50.\n"


def test_a_ratio_far_below_one_is_a_fraction():
    assert [report.ratio_text(r) for r in (None, 1.3449, 0.1, 0.004)] == ["-", "1.34", "0.10", "1/250"]


def test_the_generator_refuses_a_script_or_scenario_without_results():
    with pytest.raises(KeyError, match="other"):
        report.render("{{table other}}", {"demo": SAMPLE})
    with pytest.raises(KeyError, match="nothing"):
        report.render("{{value demo nothing ratio}}", {"demo": SAMPLE})


def test_the_generator_reads_a_results_folder(tmp_path):
    (tmp_path / "demo.json").write_text(json.dumps(SAMPLE), encoding="utf-8")
    (tmp_path / "template.md").write_text("{{table demo}}\n", encoding="utf-8")
    output = tmp_path / "out.md"
    arguments = ["--results", str(tmp_path), "--template", str(tmp_path / "template.md"), "--output", str(output)]
    assert report.main(arguments + ["--check"]) == 1  # not written yet
    assert report.main(arguments) == 0
    assert output.read_text(encoding="utf-8") == report.HEADER + EXPECTED_TABLE + "\n"
    assert report.main(arguments + ["--check"]) == 0


def test_docs_benchmarks_md_is_what_the_record_gives():
    """docs/benchmarks.md cannot drift from benchmarks/record/: edit the template or the record, then run
    /usr/bin/python3 benchmarks/report.py."""
    expected = report.render(report.TEMPLATE.read_text(encoding="utf-8"), report.load(report.RECORD))
    assert report.OUTPUT.read_text(encoding="utf-8") == expected

"""What every benchmark shares: QGIS started once, timed runs summarised (median, min, max), a scenario
that sets our run against the native QGIS tool doing the same work in the same process, and a JSON
record of the results, read by benchmarks/report.py to write docs/benchmarks.md.

A script runs as before (``QT_QPA_PLATFORM=offscreen /usr/bin/python3 benchmarks/<name>.py …``) and
writes ``benchmarks/results/<name>.json`` (git-ignored) or the path given with ``--results``.
Nothing here imports QGIS until ``start_qgis`` is called: the statistics and the record are tested
without it (tests/unit/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
SHARED_MIRROR = ROOT.parent / "shared" / "mirror"
RESULTS = ROOT / "benchmarks" / "results"


# --- statistics ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Stats:
    """Measured values of one side of a scenario (seconds unless the scenario says otherwise)."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def min(self) -> float:
        return min(self.runs)

    @property
    def max(self) -> float:
        return max(self.runs)

    def as_dict(self) -> dict[str, Any]:
        return {"runs": list(self.runs), "median": self.median, "min": self.min, "max": self.max}


def summarise(values: Sequence[float]) -> Stats:
    if not values:
        raise ValueError("no measured value to summarise")
    return Stats(tuple(float(value) for value in values))


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, what ``run`` returned) of one call."""
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def measure(run: Callable[[], Any], runs: int, warmup: int = 0) -> Stats:
    """``run`` called ``warmup`` times untimed, then ``runs`` times timed."""
    for _ in range(warmup):
        run()
    return summarise([timed(run)[0] for _ in range(runs)])


def peak_mb() -> float:
    """The process's peak resident memory so far (getrusage ru_maxrss), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def status_mb(key: str) -> float:
    """A memory line of /proc/self/status in MB: VmRSS now, VmHWM the peak of this process image
    (reset by exec and by writing 5 to /proc/self/clear_refs, unlike ru_maxrss)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


# --- scenarios and their record -------------------------------------------------------------
@dataclass
class Scenario:
    """One measured piece of work: ours, and the native QGIS baseline doing the same work when there is one.

    ``ratio`` is ours / native (below 1: we are faster). ``target`` is the issue's target as text and
    ``met`` whether it is met; ``notes`` holds what a script reports beside the times (counts, sizes;
    ``unavailable``: why the work could not be done, the time being that of finding it out).
    """

    name: str
    label: str
    ours: Stats
    native: Stats | None = None
    native_label: str = ""
    unit: str = "s"
    target: str = ""
    met: bool | None = None
    peak_mb: float | None = None
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.ours.median / self.native.median if self.native is not None else None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ours"] = self.ours.as_dict()
        data["native"] = self.native.as_dict() if self.native is not None else None
        data["ratio"] = self.ratio
        return data


def machine() -> dict[str, Any]:
    """What the figures were measured on and with which code."""
    facts = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "date": datetime.date.today().isoformat(),
        "commit": _commit(),
    }
    if "qgis.core" in sys.modules:
        facts["qgis"] = sys.modules["qgis.core"].Qgis.QGIS_VERSION
    return facts


def _commit() -> str:
    try:
        run = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return run.stdout.strip() or "unknown"


class Record:
    """The scenarios of one script run, written as JSON at the end; ``name`` (default the script's)
    names the file, for a script whose modes measure different things."""

    def __init__(self, script: str, argv: Sequence[str] | None = None, name: str = "") -> None:
        self.script, self.name = script, name or script
        arguments = list(sys.argv[1:] if argv is None else argv)
        self.command = " ".join(
            ["QT_QPA_PLATFORM=offscreen /usr/bin/python3", f"benchmarks/{script}.py", *_without_results(arguments)]
        )
        self.scenarios: list[Scenario] = []

    def add(self, scenario: Scenario) -> Scenario:
        self.scenarios.append(scenario)
        return scenario

    def as_dict(self) -> dict[str, Any]:
        return {
            "script": self.script,
            "command": self.command,
            "machine": machine(),
            "scenarios": [scenario.as_dict() for scenario in self.scenarios],
        }

    def write(self, given: str | None = None) -> Path:
        """Write to ``given`` (a .json file, or a folder for <name>.json), else benchmarks/results/."""
        path = Path(given) if given else RESULTS
        if path.suffix != ".json":
            path = path / f"{self.name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"results written to {path}")
        return path


def _without_results(arguments: list[str]) -> list[str]:
    """The command line as another reader would type it: the results path is local to the run."""
    kept, skip = [], False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--results":
            skip = True
        elif not argument.startswith("--results="):
            kept.append(argument)
    return kept


def add_results_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--results", help="JSON file or folder for the results (default benchmarks/results/<script>.json)"
    )


def mirror_present(path: str | Path) -> bool:
    """Whether the real data is there; says so when it is not, for the script to stop cleanly."""
    if Path(path).is_dir():
        return True
    print(f"{path} is absent: nothing to measure")
    return False


# --- QGIS, once ------------------------------------------------------------------------------
_APP: list[Any] = []


def start_qgis(processing: bool = False, provider: bool = False) -> Any:
    """The QgsApplication of this process, started on the first call; ``processing`` initialises
    QGIS's Processing framework (native algorithms), ``provider`` registers the plugin's."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    if not _APP:
        app = QgsApplication([], False)
        app.initQgis()
        _APP.append(app)
    if processing or provider:
        if "/usr/share/qgis/python/plugins" not in sys.path:
            sys.path.append("/usr/share/qgis/python/plugins")
        from processing.core.Processing import Processing

        Processing.initialize()
    if provider and len(_APP) == 1:
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from anct_qgis_plugin.processing.provider import AnctProvider

        registered = AnctProvider()  # kept referenced: the registry does not own a Python provider's wrapper
        QgsApplication.processingRegistry().addProvider(registered)
        _APP.append(registered)
    return _APP[0]


def run_algorithm(algorithm: str, parameters: dict[str, Any]) -> tuple[float, dict[str, Any], list[str]]:
    """(seconds, results, messages) of one processing.run, end to end (outputs written), its messages
    kept instead of printed."""
    import processing
    from processing.tools import dataobjects
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.messages: list[str] = []

        def pushInfo(self, text: str) -> None:  # noqa: N802 - Qt name
            self.messages.append(text)

        def pushWarning(self, text: str) -> None:  # noqa: N802 - Qt name
            self.messages.append("WARNING " + text)

        def reportError(self, text: str, fatalError: bool = False) -> None:  # noqa: N802, N803 - Qt names
            self.messages.append("ERROR " + text)

    feedback = Recorder()
    context = dataobjects.createContext(feedback)  # what processing.run would make
    seconds, results = timed(lambda: processing.run(algorithm, parameters, feedback=feedback, context=context))
    return seconds, results, feedback.messages


def stop_qgis() -> None:
    """The plugin's provider removed (when registered here), then QGIS closed."""
    from qgis.core import QgsApplication

    if len(_APP) > 1:
        QgsApplication.processingRegistry().removeProvider(_APP.pop())
    if _APP:
        _APP.pop().exitQgis()

"""What makes the atlas of France fast stays right: a département and its région cut out of the
national straight-line run give the figures and the EPCI summary their own runs give (the atlas
of France measures once, not 119 times), and a national list is read once."""

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject


class Runs(QgsProcessingFeedback):
    """Counts the service-gap runs (each says which facilities it reads)."""

    runs = 0

    def pushInfo(self, info):  # noqa: N802
        self.runs += info.startswith("Facilities:")


def summary_rows(run):
    return sorted(
        (f["level"], f["code"], f["units"], round(f["population"]), round(f["population_beyond"]), round(f["worst"]))
        for f in run.summary.getFeatures()
    )


def test_sliced_runs_match_the_own_runs(anct_env, run_alg, feedback):  # run_alg: the provider registered
    from anct_qgis_plugin.core.service import AnctData
    from anct_qgis_plugin.engine.figures import STRAIGHT_DEFAULT, gap_run, run_service_gap, service_gaps

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    data = AnctData()
    index = data.territory_index(feedback)
    indre = index.departement("36")
    own, sliced = {}, {("FR", STRAIGHT_DEFAULT): run_service_gap("FR", STRAIGHT_DEFAULT, context, feedback)}
    by_own = service_gaps(indre, index, context, feedback, STRAIGHT_DEFAULT, own)
    counted = Runs()
    by_slice = service_gaps(indre, index, context, counted, STRAIGHT_DEFAULT, sliced)
    assert counted.runs == 0  # Indre and Centre-Val de Loire cut out of the national run
    assert by_own.levels["territory"] is not None and by_own.levels["region"] is not None
    assert {level: by_slice.levels[level] for level in ("territory", "region")} == {
        level: by_own.levels[level] for level in ("territory", "region")
    }
    assert by_own.levels["france"] is None and by_slice.levels["france"] is not None  # France's, from the same run
    assert by_slice.partial == by_own.partial
    mine, cut = gap_run(own, indre, STRAIGHT_DEFAULT), gap_run(sliced, indre, STRAIGHT_DEFAULT)
    assert cut.units == mine.units and cut.layer.featureCount() == mine.layer.featureCount()
    assert summary_rows(cut) == summary_rows(mine)
    assert any(row[0] == "epci" for row in summary_rows(cut))
    del own, sliced, mine, cut


def test_a_national_list_is_read_once_for_every_territory(anct_env, qgis_app, feedback, monkeypatch):
    """The atlas of France builds France services and the programme layers 101 times: the national
    CSV is read and parsed once."""
    from anct_qgis_plugin.core.building import source_tables
    from anct_qgis_plugin.core.service import AnctData

    reads = []
    read = source_tables.read_source_table
    monkeypatch.setattr(source_tables, "read_source_table", lambda *args: reads.append(args[1]) or read(*args))
    data = AnctData()
    index = data.territory_index(feedback)
    counts = [data.build_layer("france_services", index.departement(code), feedback=feedback) for code in ("36", "18")]
    assert all(built.layer.featureCount() for built in counts)
    assert len(reads) == 1
    del counts

package io.mgp.pipeline.models;

import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.run.RunReport;
import io.mgp.pipeline.state.StateDb;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds and tests models for a run's transform stage (routes/lake.yaml, when bronze changed) and for the
 * {@code build} and {@code test} commands, publishing those whose tests pass, and records what happened in the run
 * report, the metrics and the lake.
 */
public final class ModelRunner {

    private final Lake lake;
    private final Catalog catalog;
    private final LakeTables tables;
    private final Engine engine;
    private final RunReport report;
    private final StateDb state;
    private final Function<String, BuildListener> observers;

    /** @param observers what else hears of each build, given the command that builds (its OpenLineage events) */
    public ModelRunner(Lake lake, Catalog catalog, LakeTables tables, Engine engine, RunReport report, StateDb state,
            Function<String, BuildListener> observers) {
        this.lake = lake;
        this.catalog = catalog;
        this.tables = tables;
        this.engine = engine;
        this.report = report;
        this.state = state;
        this.observers = observers;
    }

    /**
     * Whether bronze changed since every model was last built and published, the models or tests changed since (an
     * edited file, another --project), or a model's table is missing.
     */
    public boolean isStale() throws SQLException {
        return version("built") < version("bronze") || version("project") != catalog.fingerprint()
                || catalog.models().stream().anyMatch(model -> !tables.exists(model.layer(), model.name()));
    }

    /** Builds and tests every model (the run's transform stage). */
    public void build() throws SQLException {
        BuildResult result = buildSelection(catalog.select(null), "run");
        report.stagePart("models", result.modelTime());
        report.stagePart("tests", result.testTime());
        report.stagePart("publish", result.publishTime());
    }

    /**
     * Builds and tests the selected models and the tests of the sources they read. Once every model is built and
     * published, the built version moves on to bronze's: the next run has nothing to rebuild.
     */
    public BuildResult buildSelection(Set<String> selected, String command) throws SQLException {
        long bronze = version("bronze");
        BuildResult result = new ModelBuild(catalog, tables, lake, engine, report.runId(),
                new BuildReporter(report).and(observers.apply(command))).build(selected);
        new BuildRecords(lake.root()).write(catalog, result, report.runId(), command);
        boolean everyModel = catalog.models().stream().allMatch(model -> selected.contains(model.id()));
        if (everyModel && result.allPublished()) {
            state.update("sql/state/built.sql", bronze, catalog.fingerprint());
        }
        return result;
    }

    /** Runs the data tests of the selected tables on their published versions. */
    public BuildResult testSelection(Set<String> selected) {
        BuildResult result = new ModelBuild(catalog, tables, lake, engine, report.runId(), new BuildReporter(report)).test(selected);
        new BuildRecords(lake.root()).write(catalog, result, report.runId(), "test");
        return result;
    }

    /** Bronze holds nothing new: the report still gets the rows gold holds, as it was built before. */
    public void unchanged() throws SQLException {
        for (Node model : catalog.models()) {
            if ("gold".equals(model.layer()) && tables.exists(model.layer(), model.name())) {
                report.unchanged(model.layer(), model.name(), tables.rows(model.layer(), model.name()));
            }
        }
    }

    private long version(String layer) throws SQLException {
        return ((Number) state.query("sql/state/versions.sql", layer).get(0)[0]).longValue();
    }
}

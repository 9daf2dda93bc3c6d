package io.mgp.pipeline.models;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.engine.EngineSession;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds models and runs data tests in one session of the engine, where every table of the lake is readable by name
 * ({@code bronze.events}, {@code silver.events}): write-audit-publish over the whole build. Each model is written as a
 * staged version, and its tests run on it; a model whose build or error test fails is set aside, and every model that
 * reads it is skipped. Only when the whole build passed its audit are its versions published, in build order;
 * otherwise none is, and the published tables stay exactly as they were. A source's tests run before the models that
 * read it.
 */
public final class ModelBuild {

    private final Catalog catalog;
    private final LakeTables tables;
    private final Lake lake;
    private final Engine engine;
    private final DataTestRunner runner;
    private final BuildListener listener;

    public ModelBuild(Catalog catalog, LakeTables tables, Lake lake, Engine engine, String runId, BuildListener listener) {
        this.catalog = catalog;
        this.tables = tables;
        this.lake = lake;
        this.engine = engine;
        this.runner = new DataTestRunner(qualityFolder(lake.root(), runId));
        this.listener = listener;
    }

    /** {@code <lake>/quality/<run id>}: where a run's failing rows are stored. */
    public static Path qualityFolder(Path lake, String runId) {
        return qualityFolder(lake).resolve(runId);
    }

    /** {@code <lake>/quality}: every run's failing rows. */
    public static Path qualityFolder(Path lake) {
        return lake.resolve("quality");
    }

    /** Builds the selected models, in order, with their tests and the tests of the sources they read. */
    public BuildResult build(Set<String> selected) {
        Set<String> sources = new LinkedHashSet<>();
        catalog.sources().stream().map(Node::id).filter(selected::contains).forEach(sources::add);
        catalog.models().stream().filter(m -> selected.contains(m.id())).forEach(m -> m.dependsOn().stream()
                .filter(d -> !catalog.node(d).isModel()).forEach(sources::add));
        List<Node> models = catalog.models().stream().filter(m -> selected.contains(m.id())).toList();
        int total = models.size() + models.stream().mapToInt(m -> catalog.testsOf(m.id()).size()).sum()
                + sources.stream().mapToInt(s -> catalog.testsOf(s).size()).sum();
        try {
            return inSession(session -> {
                requireBinding(session, models);
                return new Steps(session, total).build(sources, models);
            });
        } catch (RuntimeException e) {
            listener.aborted(e);
            throw e;
        }
    }

    /**
     * Binds every selected model's SELECT, in build order, over what the ones before it would return, before any is
     * written: a column or function that does not exist fails the command naming the file, and the lake is unchanged.
     */
    private void requireBinding(EngineSession session, List<Node> models) throws SQLException {
        for (Node model : models) {
            try {
                session.define(model.id(), model.sql());
            } catch (SQLException e) {
                throw ProjectError.sql(model.file(), "model " + model.id() + ": " + PipelineException.firstLine(e));
            }
        }
        for (Node model : models) {
            session.readPublished(model.id());
        }
    }

    /** Runs the data tests of the selected tables on their published versions. */
    public BuildResult test(Set<String> selected) {
        List<DataTest> tests = catalog.tests().stream().filter(t -> selected.contains(t.node())).toList();
        return inSession(session -> {
            Steps steps = new Steps(session, tests.size());
            tests.stream().collect(Collectors.groupingBy(DataTest::node, LinkedHashMap::new, Collectors.toList()))
                    .values().forEach(steps::tests);
            return steps.result();
        });
    }

    private interface Work {
        BuildResult run(EngineSession session) throws SQLException;
    }

    private BuildResult inSession(Work work) {
        try (EngineSession session = engine.open(lake, tables, catalog.sources().stream().map(Node::name).toList(),
                catalog.models().stream().map(Node::id).toList())) {
            return work.run(session);
        } catch (SQLException e) {
            throw new PipelineException("cannot read the lake " + lake + ": " + PipelineException.firstLine(e), e);
        }
    }

    /** A model's version that passed its audit, not yet published, and where its result is in the build's. */
    private record Audited(int index, ModelResult result, LakeTables.Staged staged) {
    }

    /** One command's steps, numbered as they end. */
    private final class Steps {
        private final EngineSession session;
        private final int total;
        private final List<ModelResult> models = new ArrayList<>();
        private final List<TestResult> tests = new ArrayList<>();
        private final Set<String> failed = new HashSet<>();
        private final List<Audited> audited = new ArrayList<>();
        private long modelNanos;
        private long testNanos;
        private long publishNanos;

        Steps(EngineSession session, int total) {
            this.session = session;
            this.total = total;
        }

        BuildResult build(Set<String> sources, List<Node> selected) {
            for (String source : sources) {
                if (tests(catalog.testsOf(source)).stream().anyMatch(r -> r.status() == TestStatus.ERROR)) {
                    failed.add(source);
                }
            }
            selected.forEach(this::model);
            if (failed.isEmpty()) {
                publishAudited();
            } else {
                holdAudited("not published, as the build failed its audit");
            }
            BuildResult result = result();
            listener.ended(result);
            return result;
        }

        /** Publishes every audited version in build order; one that cannot be published holds back those after it. */
        private void publishAudited() {
            while (!audited.isEmpty()) {
                Audited next = audited.remove(0);
                long start = System.nanoTime();
                try {
                    session.publish(next.result().model().layer(), next.result().model().name(), next.staged());
                } catch (SQLException | PipelineException e) {
                    // another build published the table meanwhile: this version stays on its branch (the error says
                    // which), and the table's shape as published
                    setAside(next.result().model(), next.staged());
                    models.set(next.index(), new ModelResult(next.result().model(), ModelResult.Status.ERROR,
                            next.result().rows(), next.result().duration(), "not published: " + PipelineException.firstLine(e)));
                    holdAudited("not published, as " + next.result().model().id() + " could not be");
                    return;
                } finally {
                    publishNanos += System.nanoTime() - start;
                }
            }
        }

        /** Sets every audited version aside, each where it can still be read. */
        private void holdAudited(String why) {
            for (Audited held : audited) {
                models.set(held.index(), held.result().held(setAside(held.result().model(), held.staged()) + "; " + why));
            }
            audited.clear();
        }

        /** Sets a staged version aside and says where it can still be read. */
        private String setAside(Node model, LakeTables.Staged staged) {
            try {
                return session.discard(model.layer(), model.name(), staged);
            } catch (SQLException e) {
                return "not readable: " + PipelineException.firstLine(e);
            }
        }

        BuildResult result() {
            return new BuildResult(List.copyOf(models), List.copyOf(tests), Duration.ofNanos(modelNanos), Duration.ofNanos(testNanos),
                    Duration.ofNanos(publishNanos));
        }

        private void model(Node model) {
            List<DataTest> modelTests = catalog.testsOf(model.id());
            String upstream = model.dependsOn().stream().filter(failed::contains).findFirst().orElse(null);
            if (upstream != null) {
                skip(model, modelTests, "upstream " + upstream + " failed or was skipped");
                return;
            }
            listener.started(model);
            long start = System.nanoTime();
            LakeTables.Staged staged;
            try {
                Map<String, String> columns = session.columns(model.sql());
                String broken = model.contract() ? Contract.violation(columns, model) : null;
                if (broken != null) {
                    fail(model, modelTests, start, broken);
                    return;
                }
                staged = session.stage(model.layer(), model.name(), model.sql(), columns, model.partitioning());
            } catch (SQLException | PipelineException e) {
                // this model's table cannot take its rows (a column's type, the SQL): the others still build
                fail(model, modelTests, start, PipelineException.firstLine(e));
                return;
            }
            modelNanos += System.nanoTime() - start;
            Duration built = Duration.ofNanos(System.nanoTime() - start);
            List<TestResult> results = testsQuietly(modelTests);
            long errors = results.stream().filter(r -> r.status() == TestStatus.ERROR).count();
            if (errors > 0) {
                failed.add(model.id());
                ended(new ModelResult(model, ModelResult.Status.ERROR, staged.rows(), built,
                        "not published: " + errors + " error test(s); " + setAside(model, staged)));
            } else {
                audited.add(new Audited(models.size(), new ModelResult(model, ModelResult.Status.SUCCESS, staged.rows(), built,
                        staged.change()), staged));
                ended(audited.get(audited.size() - 1).result());
            }
            results.forEach(this::ended);
        }

        private void fail(Node model, List<DataTest> modelTests, long start, String why) {
            modelNanos += System.nanoTime() - start;
            failed.add(model.id());
            ended(new ModelResult(model, ModelResult.Status.ERROR, 0, Duration.ofNanos(System.nanoTime() - start), why));
            modelTests.forEach(t -> ended(TestResult.skipped(t, model.id() + " failed")));
        }

        private void skip(Node model, List<DataTest> modelTests, String why) {
            failed.add(model.id());
            ended(ModelResult.skipped(model, why));
            modelTests.forEach(t -> ended(TestResult.skipped(t, why)));
        }

        /** Runs tests and reports them. */
        List<TestResult> tests(List<DataTest> tests) {
            List<TestResult> results = testsQuietly(tests);
            results.forEach(this::ended);
            return results;
        }

        /**
         * Runs tests together, in their order, but those that read a table that failed, which are skipped; reported by
         * the caller.
         */
        private List<TestResult> testsQuietly(List<DataTest> tests) {
            List<DataTest> runnable = tests.stream().filter(test -> upstreamFailed(test) == null).toList();
            long start = System.nanoTime();
            Iterator<TestResult> ran = runner.run(session, runnable).iterator();
            testNanos += System.nanoTime() - start;
            List<TestResult> results = new ArrayList<>();
            for (DataTest test : tests) {
                String upstream = upstreamFailed(test);
                results.add(upstream == null ? ran.next() : TestResult.skipped(test, "upstream " + upstream + " failed or was skipped"));
            }
            return results;
        }

        private String upstreamFailed(DataTest test) {
            return test.refs().stream().filter(failed::contains).findFirst().orElse(null);
        }

        private void ended(ModelResult result) {
            models.add(result);
            listener.model(models.size() + tests.size(), total, result);
        }

        private void ended(TestResult result) {
            tests.add(result);
            listener.test(models.size() + tests.size(), total, result);
        }
    }
}

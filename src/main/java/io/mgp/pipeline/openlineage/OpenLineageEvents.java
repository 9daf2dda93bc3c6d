package io.mgp.pipeline.openlineage;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lineage.UpstreamColumn;
import io.mgp.pipeline.models.BuildListener;
import io.mgp.pipeline.models.BuildResult;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.Column;
import io.mgp.pipeline.models.ModelResult;
import io.mgp.pipeline.models.Node;
import io.mgp.pipeline.models.TestResult;
import io.mgp.pipeline.models.TestStatus;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A build as OpenLineage run events: the command's run ({@code run} or {@code build}) is the parent job; each model
 * is a job of its own, {@code model.<layer>.<name>}, which reads the tables its SQL reads and writes its table (with
 * its schema; and on the event that ends it, its column lineage and its rows); the data tests of a table are a job, {@code test.<layer>.<name>},
 * whose input carries their assertions. Each job's run starts ({@code START}) and ends {@code COMPLETE}, {@code FAIL}
 * (with the error) or {@code ABORT} (audited, but held back as another model failed).
 */
public final class OpenLineageEvents implements BuildListener {

    private static final Logger LOG = LoggerFactory.getLogger(OpenLineageEvents.class);

    /** The namespace of the jobs: this tool's. */
    public static final String JOB_NAMESPACE = "mgp-pipeline";

    private final OpenLineage openLineage;
    private final LineageSink sink;
    private final Catalog catalog;
    private final String datasetNamespace;
    private final String command;
    private final UUID runId;
    private final Set<String> started = new HashSet<>();
    private boolean buildStarted;
    private boolean broken;

    /**
     * @param datasetNamespace the namespace of the lake's tables (its location, or its catalog's)
     * @param command the command whose build this is, the parent job's name
     * @param runId the pipeline's run id, from which every OpenLineage run id of the build is derived
     */
    public OpenLineageEvents(LineageSink sink, Catalog catalog, String datasetNamespace, String command, String runId, String version) {
        this.openLineage = new OpenLineage(URI.create("urn:mgp-pipeline:" + version));
        this.sink = sink;
        this.catalog = catalog;
        this.datasetNamespace = datasetNamespace;
        this.command = command;
        this.runId = uuid(runId);
        // on the sink's thread while the build goes on: the column lineage the ending events carry (DuckDB parses every
        // model's SQL), and an ending event of each kind made ahead, so that the build's end waits for neither
        sink.prepare(catalog::lineage);
        catalog.models().stream().findFirst().ifPresent(model -> sink.rehearse(() -> modelEvent(now(), EventType.COMPLETE, model, 0L, null)));
        catalog.tests().stream().findFirst().ifPresent(test -> sink.rehearse(() -> event(now(), EventType.COMPLETE, this.runId,
                job("test." + test.node(), "TEST", null), null,
                List.of(tested(catalog.node(test.node()), List.of(new TestResult(test, TestStatus.PASS, 0, null, Duration.ZERO, null)))),
                List.of())));
    }

    @Override
    public void started(Node model) {
        safely(() -> start(model));
    }

    @Override
    public void ended(BuildResult result) {
        safely(() -> end(result));
    }

    @Override
    public void aborted(RuntimeException error) {
        safely(() -> {
            ZonedDateTime now = now();
            startBuild(now);
            sink.emit(() -> event(now, EventType.FAIL, runId, job(command, "JOB", null), PipelineException.firstLine(error), List.of(), List.of()));
            sink.close();
        });
    }

    /** Lineage is a record of the build, not part of it: an event that cannot be made stops the events, not the build. */
    private void safely(Runnable emit) {
        if (broken) {
            return;
        }
        try {
            emit.run();
        } catch (RuntimeException | LinkageError e) {
            broken = true;
            sink.close();
            LOG.warn("OpenLineage events stop here: {}", PipelineException.firstLine(e));
        }
    }

    private void start(Node model) {
        ZonedDateTime now = now();
        startBuild(now);
        started.add(model.id());
        sink.emit(() -> modelEvent(now, EventType.START, model, null, null));
    }

    /** The command's run starts with its first event of any kind, so that every event has a started parent. */
    private void startBuild(ZonedDateTime now) {
        if (!buildStarted) {
            buildStarted = true;
            sink.emit(() -> event(now, EventType.START, runId, job(command, "JOB", null), null, List.of(), List.of()));
        }
    }

    private void end(BuildResult result) {
        ZonedDateTime now = now();
        startBuild(now);
        for (ModelResult model : result.models()) {
            if (started.contains(model.model().id())) {
                EventType type = switch (model.status()) {
                    case SUCCESS -> EventType.COMPLETE;
                    case HELD -> EventType.ABORT;
                    default -> EventType.FAIL;
                };
                boolean published = model.status() == ModelResult.Status.SUCCESS;
                sink.emit(() -> modelEvent(now, type, model.model(), published ? model.rows() : null, published ? null : model.message()));
            }
        }
        for (Node table : catalog.nodes()) {
            List<TestResult> tests = result.tests().stream().filter(t -> t.test().node().equals(table.id()) && t.status() != TestStatus.SKIPPED).toList();
            if (!tests.isEmpty()) {
                testEvents(now, table, tests);
            }
        }
        boolean published = result.allPublished() && result.tests().stream().noneMatch(test -> test.status() == TestStatus.ERROR);
        sink.emit(() -> event(now, published ? EventType.COMPLETE : EventType.FAIL, runId, job(command, "JOB", null),
                published ? null : "an error test failed or a model was not published", List.of(), List.of()));
        sink.close();
    }

    private OpenLineage.RunEvent modelEvent(ZonedDateTime time, EventType type, Node model, Long rows, String error) {
        List<OpenLineage.InputDataset> inputs = model.dependsOn().stream().map(id -> openLineage.newInputDatasetBuilder()
                .namespace(datasetNamespace).name(id).facets(openLineage.newDatasetFacetsBuilder().schema(schema(catalog.node(id))).build())
                .build()).toList();
        OpenLineage.DatasetFacetsBuilder facets = openLineage.newDatasetFacetsBuilder().schema(schema(model));
        if (type != EventType.START) {
            facets.columnLineage(columnLineage(model));
        }
        OpenLineage.OutputDatasetBuilder output = openLineage.newOutputDatasetBuilder().namespace(datasetNamespace).name(model.id())
                .facets(facets.build());
        if (rows != null) {
            output.outputFacets(openLineage.newOutputDatasetOutputFacetsBuilder()
                    .outputStatistics(openLineage.newOutputStatisticsOutputDatasetFacetBuilder().rowCount(rows).build()).build());
        }
        return event(time, type, uuid(runId + "/" + model.id()), job("model." + model.id(), "MODEL", model.sql()), error, inputs,
                List.of(output.build()));
    }

    /** The tests of a table as one job's run, which reads the table and asserts each test on it. */
    private void testEvents(ZonedDateTime time, Node table, List<TestResult> tests) {
        UUID testRun = uuid(runId + "/test/" + table.id());
        long errors = tests.stream().filter(test -> test.status() == TestStatus.ERROR).count();
        sink.emit(() -> event(time, EventType.START, testRun, job("test." + table.id(), "TEST", null), null, List.of(tested(table, tests)),
                List.of()));
        sink.emit(() -> event(time, errors == 0 ? EventType.COMPLETE : EventType.FAIL, testRun, job("test." + table.id(), "TEST", null),
                errors == 0 ? null : errors + " error test(s) failed", List.of(tested(table, tests)), List.of()));
    }

    /** The tested table, with each test's assertion. */
    private OpenLineage.InputDataset tested(Node table, List<TestResult> tests) {
        List<OpenLineage.DataQualityAssertionsDatasetFacetAssertions> assertions = tests.stream().map(test -> openLineage
                .newDataQualityAssertionsDatasetFacetAssertionsBuilder().assertion(test.test().name())
                .success(test.status() == TestStatus.PASS).column(test.test().column()).build()).toList();
        return openLineage.newInputDatasetBuilder().namespace(datasetNamespace).name(table.id())
                .facets(openLineage.newDatasetFacetsBuilder().schema(schema(table)).build())
                .inputFacets(openLineage.newInputDatasetInputFacetsBuilder().dataQualityAssertions(
                        openLineage.newDataQualityAssertionsDatasetFacetBuilder().assertions(assertions).build()).build())
                .build();
    }

    private OpenLineage.RunEvent event(ZonedDateTime time, EventType type, UUID run, OpenLineage.JobBuilder job, String error,
            List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
        OpenLineage.RunFacetsBuilder facets = openLineage.newRunFacetsBuilder();
        if (!run.equals(runId)) {
            facets.parent(openLineage.newParentRunFacetBuilder().run(openLineage.newParentRunFacetRunBuilder().runId(runId).build())
                    .job(openLineage.newParentRunFacetJobBuilder().namespace(JOB_NAMESPACE).name(command).build()).build());
        }
        if (error != null) {
            facets.errorMessage(openLineage.newErrorMessageRunFacetBuilder().message(error).programmingLanguage("SQL").build());
        }
        return openLineage.newRunEventBuilder().eventTime(time).eventType(type)
                .run(openLineage.newRunBuilder().runId(run).facets(facets.build()).build()).job(job.build())
                .inputs(inputs).outputs(outputs).build();
    }

    private OpenLineage.JobBuilder job(String name, String type, String sql) {
        OpenLineage.JobFacetsBuilder facets = openLineage.newJobFacetsBuilder().jobType(openLineage.newJobTypeJobFacetBuilder()
                .processingType("BATCH").integration("MGP_PIPELINE").jobType(type).build());
        if (sql != null) {
            facets.sql(openLineage.newSQLJobFacetBuilder().query(sql).dialect("duckdb").build());
        }
        return openLineage.newJobBuilder().namespace(JOB_NAMESPACE).name(name).facets(facets.build());
    }

    private OpenLineage.SchemaDatasetFacet schema(Node table) {
        return openLineage.newSchemaDatasetFacetBuilder().fields(table.columns().stream().map((Column column) -> openLineage
                .newSchemaDatasetFacetFieldsBuilder().name(column.name()).type(column.dataType()).description(column.description())
                .build()).toList()).build();
    }

    /** Each column's upstream columns, as the fields of the tables they are in; none when the lineage was not followed. */
    private OpenLineage.ColumnLineageDatasetFacet columnLineage(Node model) {
        OpenLineage.ColumnLineageDatasetFacetFieldsBuilder fields = openLineage.newColumnLineageDatasetFacetFieldsBuilder();
        catalog.lineage().get(model.id()).columns().forEach((String column, SortedSet<UpstreamColumn> upstream) -> fields.put(column,
                openLineage.newColumnLineageDatasetFacetFieldsAdditionalBuilder().inputFields(upstream.stream()
                        // a field inside a column's value is that column, to OpenLineage
                        .map(field -> new UpstreamColumn(field.table(), field.column())).distinct().map(field -> openLineage
                        .newInputFieldBuilder().namespace(datasetNamespace).name(field.table()).field(field.column()).build())
                        .toList()).build()));
        return openLineage.newColumnLineageDatasetFacetBuilder().fields(fields.build()).build();
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }

    /** A stable run id for OpenLineage, which wants UUIDs: the same name gives the same id. */
    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

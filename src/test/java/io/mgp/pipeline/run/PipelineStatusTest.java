package io.mgp.pipeline.run;

import static io.mgp.pipeline.LakeAssertions.parquetRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's MBean and Camel's route MBeans, as a JMX client sees them in the platform MBean server. */
class PipelineStatusTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path lake;

    @Test
    void theRunsFiguresAreInThePipelinesMBeanBesideCamelsRoutesUntilTheApplicationStops() throws Exception {
        Path seeds = TestSeeds.small();
        ObjectName pipeline;
        RunReport report;
        try (CamelApp app = app(seeds).start()) {
            pipeline = PipelineStatus.objectName(app.context());
            assertEquals("io.mgp.pipeline:type=Pipeline,name=" + app.context().getManagementName(),
                    pipeline.toString());
            String runId = (String) JMX.getAttribute(pipeline, "RunId");

            report = app.run();

            assertEquals(report.runId(), runId);
            assertEquals("finished", JMX.getAttribute(pipeline, "Stage"));
            assertEquals(report.requests(), JMX.getAttribute(pipeline, "Requests"));
            long sessions = parquetRows(seeds.resolve("sessions.parquet"));
            assertEquals(sessions, JMX.getAttribute(pipeline, "TasksDone"));
            assertEquals(sessions, JMX.getAttribute(pipeline, "TasksTotal"));
            assertEquals(report.rows("bronze").values().stream().mapToLong(Long::longValue).sum(),
                    JMX.getAttribute(pipeline, "BronzeRows"));
            assertTrue((Double) JMX.getAttribute(pipeline, "RequestsPerSecond") >= 0);
            assertNull(JMX.getAttribute(pipeline, "LastError"));
            TabularData tests = (TabularData) JMX.getAttribute(pipeline, "DataTests");
            assertEquals(report.dataTests().stream().filter(t -> t.status().equals("pass")).count(),
                    tests.get(new Object[] {"pass"}).get("value"), "data tests that passed: " + tests);
            assertTrue(report.dataTests().size() > 30, "every data test ran");

            Set<ObjectName> fetch = JMX.queryNames(new ObjectName("org.apache.camel:context="
                    + app.context().getManagementName() + ",type=routes,name=\"fetch\""), null);
            assertEquals(1, fetch.size(), "Camel's MBean of the route fetch");
            assertEquals(report.requests(), JMX.getAttribute(fetch.iterator().next(), "ExchangesCompleted"),
                    "one exchange of route fetch per request");
        }
        assertTrue(JMX.queryNames(pipeline, null).isEmpty(), "unregistered as the application stopped");
    }

    @Test
    void aFailedRunLeavesItsErrorInTheMBean() throws Exception {
        Files.createDirectories(lake.resolve("bronze"));
        Files.writeString(lake.resolve("bronze/classifications"), "a file where a folder must go");
        try (CamelApp app = app(TestSeeds.small()).start()) {
            assertThrows(RuntimeException.class, app::run);

            String error = (String) JMX.getAttribute(PipelineStatus.objectName(app.context()), "LastError");
            assertTrue(error.contains("bronze") && !error.contains("\n"), error);
        }
    }

    private CamelApp app(Path seeds) {
        return CamelApp.apiAndClient(Map.of(
                "mgp.seeds", seeds.toString(), "mgp.lake", lake.toString(), "mgp.port", "0"));
    }
}

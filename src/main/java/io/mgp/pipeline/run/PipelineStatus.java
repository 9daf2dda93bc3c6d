package io.mgp.pipeline.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The pipeline's MBean ({@link PipelineMXBean}), registered through Camel's management agent, so it lives in the
 * same MBean server as Camel's, from the context's start to its stop; without JMX ({@code camel.main.jmx-enabled}
 * false) there is nothing to register it with.
 */
public final class PipelineStatus extends ServiceSupport implements PipelineMXBean {

    /**
     * A JMX client reads attributes one at a time: within this long they all come from one snapshot, so that tasks
     * done never exceed tasks known.
     */
    private static final long SNAPSHOT_LIFETIME_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final CamelContext context;
    private final RunReport report;
    private final Progress progress;
    private final Supplier<String> lastError;
    private ObjectName name;
    private ProgressSnapshot snapshot;
    private long snapshotAt;

    public PipelineStatus(CamelContext context, RunReport report, Progress progress, Supplier<String> lastError) {
        this.context = context;
        this.report = report;
        this.progress = progress;
        this.lastError = lastError;
    }

    /** {@code io.mgp.pipeline:type=Pipeline,name=<management name>}, the name Camel's own MBeans carry as context. */
    public static ObjectName objectName(CamelContext context) throws Exception {
        return ObjectName.getInstance("io.mgp.pipeline:type=Pipeline,name=" + context.getManagementName());
    }

    @Override
    protected void doStart() throws Exception {
        ManagementAgent agent = context.getManagementStrategy().getManagementAgent();
        if (agent != null) {
            name = objectName(context);
            agent.register(this, name);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (name != null) {
            context.getManagementStrategy().getManagementAgent().unregister(name);
            name = null;
        }
    }

    @Override
    public String getRunId() {
        return report.runId();
    }

    @Override
    public String getStage() {
        return snapshot().stage();
    }

    @Override
    public long getTasksDone() {
        return snapshot().tasksDone();
    }

    @Override
    public long getTasksTotal() {
        return snapshot().tasksTotal();
    }

    @Override
    public long getRequests() {
        return snapshot().requests();
    }

    @Override
    public long getBronzeRows() {
        return snapshot().bronzeRows();
    }

    @Override
    public double getRequestsPerSecond() {
        return snapshot().requestsPerSecond();
    }

    @Override
    public Map<String, Long> getDataTests() {
        return report.dataTests().stream().collect(Collectors.groupingBy(RunReport.DataTestOutcome::status, TreeMap::new,
                Collectors.counting()));
    }

    @Override
    public String getLastError() {
        return lastError.get();
    }

    private synchronized ProgressSnapshot snapshot() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotAt > SNAPSHOT_LIFETIME_NANOS) {
            snapshot = progress.snapshot();
            snapshotAt = now;
        }
        return snapshot;
    }
}

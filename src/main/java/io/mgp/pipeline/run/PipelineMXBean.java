package io.mgp.pipeline.run;

import java.util.Map;

/**
 * The pipeline's own MBean, {@code io.mgp.pipeline:type=Pipeline,name=<Camel context>}, beside Camel's: the run
 * going on in the process, as {@link Progress} sees it.
 */
public interface PipelineMXBean {

    String getRunId();

    /** {@code starting}, a stage of the run ({@code crawl}, {@code tasks}, {@code transform}), or {@code finished}. */
    String getStage();

    long getTasksDone();

    /** Tasks known so far: it may grow until discovery is over. */
    long getTasksTotal();

    long getRequests();

    long getBronzeRows();

    /** Requests per second over the last few seconds. */
    double getRequestsPerSecond();

    /** The run's data tests so far, by how they ended: {@code pass}, {@code warn}, {@code error}, {@code skipped}. */
    Map<String, Long> getDataTests();

    /** The first line of the error the last failed run ended with; null while no run failed. */
    String getLastError();
}

package io.mgp.pipeline.state;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.run.RunFailedException;
import io.mgp.pipeline.run.RunReport;
import java.sql.SQLException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The runs table: one row per run, with its mode, start and end, outcome and counts. */
public final class RunHistory {

    private final StateDb state;
    private final RunReport report;
    private final String mode;
    private volatile String lastError;

    public RunHistory(StateDb state, RunReport report, String mode) {
        this.state = state;
        this.report = report;
        this.mode = mode;
    }

    public void started() throws SQLException {
        state.update("sql/state/run-started.sql", report.runId(), mode);
    }

    public void succeeded() throws SQLException {
        ended("succeeded", null);
    }

    /** Records the failure, then throws it again: the run still fails. */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) throws SQLException {
        lastError = PipelineException.firstLine(failure);
        ended("failed", lastError);
        throw new RunFailedException(failure);
    }

    /** The first line of the error the last failed run ended with; null while no run failed. */
    public String lastError() {
        return lastError;
    }

    private void ended(String status, String error) throws SQLException {
        long bronzeRows = report.totalRows("bronze");
        state.update("sql/state/run-ended.sql", status, report.requests(), bronzeRows, error, report.runId());
    }
}

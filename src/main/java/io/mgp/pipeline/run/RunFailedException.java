package io.mgp.pipeline.run;

/**
 * A run's failure, once recorded: wrapped so that nothing on its way out takes it for a failed request and
 * retries the whole run.
 */
public final class RunFailedException extends RuntimeException {

    public RunFailedException(Exception failure) {
        super(failure.getMessage(), failure);
    }
}

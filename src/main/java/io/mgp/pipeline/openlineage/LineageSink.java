package io.mgp.pipeline.openlineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mgp.pipeline.PipelineException;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a build's OpenLineage events go: a file of one JSON event per line, and an HTTP endpoint that takes them
 * (Marquez's {@code /api/v1/lineage}, through the client's transport) when one is configured. Events are written on
 * a thread of their own, in order, while the build goes on: the first event's JSON costs a few hundred milliseconds of
 * a cold JVM. Lineage is a record of the build, not part of it: an event that cannot be written or sent is logged once
 * per destination, which then gets no more, and the build goes on.
 */
public final class LineageSink {

    private static final Logger LOG = LoggerFactory.getLogger(LineageSink.class);
    private static final int HTTP_TIMEOUT_MS = 5000;
    private static final long DRAIN_SECONDS = 30;
    private final Path file;
    private String url;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "openlineage");
        thread.setDaemon(true);
        return thread;
    });
    private boolean fileFailed;
    private BufferedWriter out;
    private boolean broken;
    private HttpTransport http;

    /**
     * @param file the events file, {@code lake/logs/<run id>/openlineage.ndjson}
     * @param url where to send them as well (a Marquez-compatible server's base URL), or blank for none
     */
    public LineageSink(Path file, String url) {
        this.file = file;
        this.url = url == null || url.isBlank() ? null : url.strip();
    }

    /**
     * Makes, writes and sends an event on the writer's thread, so that the build waits for none of it; an event that
     * cannot be made stops the events, with one warning.
     */
    void emit(Supplier<OpenLineage.RunEvent> event) {
        onWriter(() -> {
            OpenLineage.RunEvent made = event.get();
            write(made);
            send(made);
        });
    }

    /**
     * Makes and serializes an event on the writer's thread, and drops it: the first event of a kind loads the classes it
     * is made of, which the events that count then find loaded.
     */
    void rehearse(Supplier<OpenLineage.RunEvent> event) {
        onWriter(() -> Json.MAPPER.writeValueAsString(event.get()));
    }

    /** Does work on the writer's thread ahead of the events emitted after it: work those events need. */
    void prepare(Runnable work) {
        onWriter(work::run);
    }

    /** What an event needs done on the writer's thread; failing, it stops the events. */
    private interface WriterWork {
        void run() throws IOException;
    }

    private void onWriter(WriterWork work) {
        writer.execute(() -> {
            if (broken) {
                return;
            }
            try {
                work.run();
            } catch (IOException | RuntimeException | LinkageError e) {
                broken = true;
                LOG.warn("OpenLineage events stop here: {}", PipelineException.firstLine(e));
            }
        });
    }

    /**
     * Waits for the events emitted so far to be written and sent (at most {@value #DRAIN_SECONDS} s, a slow receiver's
     * limit), then lets the sink go.
     */
    void close() {
        writer.execute(this::closeOutputs);
        writer.shutdown();
        try {
            if (!writer.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("OpenLineage events were still being sent after {} s: the rest are dropped", DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.shutdownNow();
    }

    /** On the writer's thread, after its last event: the file and the transport are the writer's alone. */
    private void closeOutputs() {
        closeQuietly(out, "events file");
        out = null;
        closeQuietly(http, "HTTP transport");
        http = null;
    }

    /** The events were written or sent already; closing is only letting go. */
    private static void closeQuietly(AutoCloseable output, String what) {
        if (output != null) {
            try {
                output.close();
            } catch (Exception e) {
                LOG.debug("closing the OpenLineage {} failed", what, e);
            }
        }
    }

    /** One line per event, on its own as soon as it is made: a build killed later leaves the events before it. */
    private void write(OpenLineage.RunEvent event) {
        if (fileFailed) {
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(Json.MAPPER.writeValueAsString(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            fileFailed = true;
            LOG.warn("OpenLineage events cannot be written to {}: {}", file, PipelineException.reason(e));
        }
    }

    private void send(OpenLineage.RunEvent event) {
        if (url == null) {
            return;
        }
        try {
            if (http == null) {
                HttpConfig config = new HttpConfig();
                config.setUrl(URI.create(url));
                config.setTimeoutInMillis(HTTP_TIMEOUT_MS);
                http = new HttpTransport(config);
            }
            http.emit(event);
        } catch (RuntimeException e) {
            LOG.warn("OpenLineage events could not be sent to {}: {}; the build goes on without sending it more", url,
                    PipelineException.firstLine(e));
            url = null;
        }
    }

    /** Made on the writer's thread, at its first event. */
    private static final class Json {
        /** As the client's own mapper writes events; without its YAML and bytecode-generating modules, which cost a cold JVM more. */
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}

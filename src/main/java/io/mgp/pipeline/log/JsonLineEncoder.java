package io.mgp.pipeline.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A log line as one JSON object: when, level, the run and its current stage, the Camel route and the crawl's ids
 * when the line was logged while Camel processed an exchange, who logged it, the message and any exception.
 * Logback's own JsonEncoder writes epoch milliseconds, nests the MDC and has no notion of a run, hence this one.
 */
final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    /** The crawl's ids a line names, when the code that logs it put them in the MDC. */
    static final List<String> IDS = List.of("season_id", "event_id", "category_id", "session_id", "request");


    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private final String runId;
    private final Supplier<String> stage;

    /** The stage is asked for as each line is written, so the appender must write on the logging thread (not async). */
    JsonLineEncoder(String runId, Supplier<String> stage) {
        this.runId = runId;
        this.stage = stage;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        Map<String, String> mdc = event.getMDCPropertyMap();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", TIMESTAMP.format(event.getInstant()));
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("run_id", runId);
            writeIfKnown(json, "route_id", mdc.get(RouteIdMdc.KEY));
            writeIfKnown(json, "stage", stage.get());
            for (String id : IDS) {
                writeIfKnown(json, id, mdc.get(id));
            }
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", event.getFormattedMessage());
            writeException(json, event.getThrowableProxy());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a log line as JSON", e);
        }
        line.write('\n');
        return line.toByteArray();
    }

    private static void writeIfKnown(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void writeException(JsonGenerator json, IThrowableProxy exception) throws IOException {
        if (exception == null) {
            return;
        }
        json.writeObjectFieldStart("exception");
        json.writeStringField("class", exception.getClassName());
        json.writeStringField("message", exception.getMessage());
        json.writeStringField("stack", ThrowableProxyUtil.asString(exception));
        json.writeEndObject();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}

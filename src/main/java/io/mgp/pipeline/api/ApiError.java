package io.mgp.pipeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The JSON body of an API error: {@code {"error": "..."}}. */
public final class ApiError {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiError() {
    }

    /** The body for the exception a route caught; only a bad request's own message is shown to the client. */
    public static ByteBuffer body(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error) {
        return ByteBuffer.wrap(bytes(error instanceof BadRequestException ? error.getMessage() : "internal error"));
    }

    static Buffer json(String error) {
        return Buffer.buffer(bytes(error));
    }

    private static byte[] bytes(String error) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

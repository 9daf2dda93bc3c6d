package io.mgp.pipeline.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request the API's server answers, through the router or before it (a request the HTTP codec refused):
 * method, path, status ({@code dropped} for a connection closed without an answer) and the time to answer in µs.
 * Written in batches, off the Vert.x threads (io.mgp.pipeline.log.LogSetup gives this logger a BatchingConsoleAppender).
 */
final class AccessLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.mgp.pipeline.api.access");

    private AccessLog() {
    }

    /**
     * Logs a routed request once its answer has ended or its connection closed; {@code method} is the one the client
     * sent (a HEAD is routed as a GET).
     */
    static void whenEnded(RoutingContext routed, String method) {
        if (ACCESS.isInfoEnabled()) {
            long start = System.nanoTime();
            routed.addEndHandler(done -> line(routed.request(), method, start));
        }
    }

    /** Logs a request answered before routing, whose answer has just been written. */
    static void answered(HttpServerRequest request, long start) {
        if (ACCESS.isInfoEnabled()) {
            line(request, request.method().name(), start);
        }
    }

    private static void line(HttpServerRequest request, String method, long start) {
        ACCESS.info("{} {} {} {}us", method, request.path(),
                request.response().ended() ? request.response().getStatusCode() : "dropped",
                (System.nanoTime() - start) / 1_000);
    }
}

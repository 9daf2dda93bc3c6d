package io.mgp.pipeline.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the API's Vert.x router does around the Camel routes: one access-log line per request
 * (method, path, status, duration) and JSON bodies for the 404 and 405 answers that never reach a route.
 */
public final class ApiHttpServer implements StartupListener {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.mgp.pipeline.api.access");

    private final int port;

    public ApiHttpServer(CamelContext camelContext, int port) throws Exception {
        this.port = port;
        camelContext.addStartupListener(this);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        Router router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            throw new IllegalStateException("No HTTP server on port " + port + " to serve the API");
        }
        router.route().order(Integer.MIN_VALUE).handler(ApiHttpServer::logAccess);
        router.errorHandler(404, request -> answer(request, 404, "no such endpoint: " + request.request().path()));
        router.errorHandler(405, request -> answer(request, 405, "method not allowed: " + request.request().method()));
    }

    private static void logAccess(RoutingContext request) {
        if (ACCESS.isInfoEnabled()) {
            long start = System.nanoTime();
            request.addEndHandler(done -> ACCESS.info("{} {} {} {}us", request.request().method(), request.request().path(),
                    request.response().getStatusCode(), (System.nanoTime() - start) / 1_000));
        }
        request.next();
    }

    private static void answer(RoutingContext request, int status, String error) {
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(ApiError.json(error));
    }
}

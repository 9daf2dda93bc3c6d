package io.mgp.pipeline.api;

import io.mgp.pipeline.PipelineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.RestRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the API's Vert.x router does around the Camel routes: one access-log line per request
 * (method, path, status, duration) and JSON bodies for the 404 and 405 answers that never reach a route.
 */
public final class ApiRouterSetup implements StartupListener {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.mgp.pipeline.api.access");
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouterSetup.class);

    private final int port;

    private ApiRouterSetup(int port) {
        this.port = port;
    }

    /** Checks that the API's port is free, and sets up its router once Camel has started the HTTP server. */
    public static void install(CamelContext camelContext, String host, int port) throws Exception {
        requireFree(host, port);
        camelContext.addStartupListener(new ApiRouterSetup(port));
    }

    /** Vert.x reports a failed bind only in a log line, and Camel would start anyway: check first. */
    private static void requireFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            // bound and released: the port is free
        } catch (IOException e) {
            throw new PipelineException("cannot serve the API on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        Router router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            throw new IllegalStateException("No HTTP server on port " + port + " to serve the API");
        }
        router.route().order(Integer.MIN_VALUE).handler(ApiRouterSetup::logAccess).failureHandler(ApiRouterSetup::failed);
        Set<String> endpoints = endpoints(context);
        // The last route sees what no API route took: a known path asked with another method, or an unknown path.
        router.route().last().handler(request -> {
            if (endpoints.contains(request.normalizedPath())) {
                request.response().putHeader(HttpHeaders.ALLOW, "GET");
                answer(request, 405, "method not allowed: " + request.request().method() + " (only GET)");
            } else {
                answer(request, 404, "no such endpoint: " + request.normalizedPath());
            }
        });
    }

    private static Set<String> endpoints(CamelContext context) {
        return context.getRestRegistry().listAllRestServices().stream()
                .map(RestRegistry.RestService::getUrl)
                .map(url -> URI.create(url).getPath())
                .map(path -> path.isEmpty() ? "/" : path)
                .collect(Collectors.toSet());
    }

    private static void logAccess(RoutingContext request) {
        if (ACCESS.isInfoEnabled()) {
            long start = System.nanoTime();
            request.addEndHandler(done -> ACCESS.info("{} {} {} {}us", request.request().method(), request.request().path(),
                    request.response().getStatusCode(), (System.nanoTime() - start) / 1_000));
        }
        request.next();
    }

    /** A request Vert.x could not take apart (a broken percent-escape) is the client's fault: 400, as JSON. */
    private static void failed(RoutingContext request) {
        if (request.statusCode() == 400 || request.failure() instanceof IllegalArgumentException
                || request.failure() instanceof HttpException http && http.getStatusCode() == 400) {
            answer(request, 400, "query string is not valid");
        } else {
            LOG.error("API request failed: {}", request.request().path(), request.failure());
            answer(request, 500, "internal error");
        }
    }

    private static void answer(RoutingContext request, int status, String error) {
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(ApiError.json(error));
    }
}

package io.mgp.pipeline.api;

import io.mgp.pipeline.PipelineException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's HTTP server: Camel's Vert.x platform-http server (the REST routes and Camel's {@code /observe} services
 * attach to its router as usual), with the HTTP options Camel does not expose. It speaks HTTP/1.1 only, as the
 * original Go server does: Vert.x 4.5's clear-text HTTP/2 would send a body in answer to HEAD and leaves an
 * {@code Upgrade: h2c} without {@code HTTP2-Settings} unanswered. Every request it refuses, before or while
 * routing, gets a JSON error like the routes' own. Requests go straight to the router the routes attach to: the
 * outer router Camel would put in front of it adds only CORS, sessions and authentication, which the API has none of.
 */
public final class ApiHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);

    /** Vert.x's defaults (request line up to 4096 bytes, headers up to 8 KB), without clear-text HTTP/2. */
    private static final HttpServerOptions OPTIONS = new HttpServerOptions().setHttp2ClearTextEnabled(false);

    private HttpServer server;
    private Vertx ownVertx;

    public ApiHttpServer(String host, int port) {
        super(configuration(host, port));
    }

    /**
     * Fails with one clear line when the port is taken. Checked before Camel starts: a failed bind during the start
     * is also logged by Camel, with its stack trace.
     */
    public static void requireFreePort(String host, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            // bound and released: the port is free
        } catch (IOException e) {
            throw new PipelineException("cannot serve the API on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    private static VertxPlatformHttpServerConfiguration configuration(String host, int port) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        configuration.setServerType(VertxPlatformHttpRouter.SERVER_TYPE_SERVER);
        return configuration;
    }

    @Override
    protected void startServer() throws Exception {
        Router router = Objects.requireNonNull(VertxPlatformHttpRouter.lookup(getCamelContext(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getConfigurationPort())), "the API's router");
        server = getVertx().createHttpServer(OPTIONS)
                .invalidRequestHandler(ApiHttpServer::refuseUndecodable)
                .requestHandler(request -> route(router, request));
        try {
            server.listen(getConfigurationPort(), getHost()).toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new PipelineException("cannot serve the API on " + getHost() + ":" + getConfigurationPort() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Vert.x checks a request's authority before the first route, and a percent-escape in the Host header makes that
     * check throw (Vert.x 4.5: an index out of bounds): the request would stay unanswered. A failure in a route never
     * gets here; the router hands it to its failure handlers.
     */
    private static void route(Router router, HttpServerRequest request) {
        long start = System.nanoTime();
        try {
            router.handle(request);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            LOG.debug("Request refused before routing: {} {}", request.method(), request.uri(), e);
            answer(request.response(), 400, "request is not valid");
            AccessLog.answered(request, start);
        } catch (RuntimeException e) {
            LOG.error("API request failed before routing: {} {}", request.method(), request.uri(), e);
            answer(request.response(), 500, "internal error");
            AccessLog.answered(request, start);
        }
    }

    /** What Vert.x's HTTP codec could not decode: a request line or headers too long, or not HTTP. */
    private static void refuseUndecodable(HttpServerRequest request) {
        long start = System.nanoTime();
        Throwable cause = request.decoderResult().cause();
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        if (cause instanceof TooLongHttpLineException) {
            answer(request.response(), 414, "request line longer than " + OPTIONS.getMaxInitialLineLength() + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException) {
            answer(request.response(), 431, "request headers larger than " + OPTIONS.getMaxHeaderSize() + " bytes");
        } else {
            answer(request.response(), 400, "request is not valid HTTP");
        }
        AccessLog.answered(request, start);
        request.response().close();
    }

    /** A JSON error answer, unless the answer had begun: then nothing valid can follow, and the connection ends. */
    static void answer(HttpServerResponse response, int status, String error) {
        if (response.headWritten()) {
            response.close();
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(ApiError.json(error));
    }

    /** The Vert.x instance Camel creates when none is in the registry: this server's own, closed with it. */
    @Override
    protected Vertx createVertxInstance() {
        ownVertx = super.createVertxInstance();
        return ownVertx;
    }

    @Override
    protected void stopVertx() {
        if (ownVertx != null) {
            ownVertx.close().toCompletionStage().toCompletableFuture().join();
            ownVertx = null;
            setVertx(null);
        }
    }

    @Override
    protected void stopServer() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
            server = null;
        }
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        return server != null ? server.actualPort() : getConfigurationPort();
    }
}

package io.mgp.pipeline.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.RestRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the API's Vert.x router does around the Camel routes: one access-log line per request ({@link AccessLog}), JSON bodies for the 404 and 405 answers that never reach a route, and the
 * faults injected into the data endpoints ({@code --faults}).
 */
public final class ApiRouterSetup implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouterSetup.class);
    private static final String PARQUET = ".parquet";
    private static final String HEAD_AS_GET = "mgp.head-as-get";

    /**
     * A folder of the lake served read-only at {@code path} (the docs site at {@code /docs}), read at each request: a
     * command may rewrite it while the server runs. Until it exists, {@code whenMissing} is the 404's error.
     */
    public record ServedFolder(String path, Path folder, String whenMissing) {
    }

    private final int port;
    private final FaultInjector faults;
    private final List<ServedFolder> folders;

    private ApiRouterSetup(int port, FaultInjector faults, List<ServedFolder> folders) {
        this.port = port;
        this.faults = faults;
        this.folders = folders;
    }

    /**
     * Sets up the API's router once Camel has started its HTTP server ({@link ApiHttpServer}), with the lake's folders
     * it serves beside the API.
     */
    public static void install(CamelContext camelContext, int port, FaultInjector faults, List<ServedFolder> folders) throws Exception {
        camelContext.addStartupListener(new ApiRouterSetup(port, faults, List.copyOf(folders)));
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (alreadyStarted) {
            return; // routes restarted by a reload: the router keeps the handlers it has
        }
        Router router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            throw new IllegalStateException("No HTTP server on port " + port + " to serve the API");
        }
        router.route().order(Integer.MIN_VALUE).handler(ApiRouterSetup::logAccess).failureHandler(ApiRouterSetup::failed);
        // Vert.x fails a path with a broken percent-escape while matching routes, before any handler of a route.
        router.errorHandler(400, request -> answer(request, 400, "request path is not valid"));
        Set<String> endpoints = endpoints(context);
        if (!faults.spec().isOff()) {
            injectFaults(router, endpoints);
        }
        folders.forEach(folder -> serve(router, folder));
        // The last route sees what no API route took: a known path asked with another method, or an unknown path.
        router.route().last().handler(request -> {
            if (endpoints.contains(withoutTrailingSlash(request.normalizedPath()))) {
                request.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
                answer(request, 405, "method not allowed: " + request.request().method() + " (only GET and HEAD)");
            } else {
                answer(request, 404, "no such endpoint: " + request.normalizedPath());
            }
        });
    }

    /**
     * Faults go to the GETs of the data endpoints, every REST endpoint but the home page, ahead of Camel's handlers;
     * never to {@code /} or to Camel's own {@code /observe} paths, which are not REST endpoints.
     */
    private void injectFaults(Router router, Set<String> endpoints) {
        FaultHandler handler = new FaultHandler(faults);
        endpoints.stream().filter(path -> !"/".equals(path))
                .forEach(path -> router.get(path).order(Integer.MIN_VALUE + 1).handler(handler));
        LOG.info("Injecting faults into the API's data endpoints: {}", faults.spec());
    }

    private static void serve(Router router, ServedFolder served) {
        StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, served.folder().toAbsolutePath().toString())
                .setCachingEnabled(false).setIndexPage("index.html");
        // Vert.x routes /docs, /docs/ and what is under it here; a page's relative links need the slash
        router.get(served.path() + "/*").handler(request -> {
            if (request.request().path().equals(served.path())) {
                request.redirect(served.path() + "/");
            } else if (Files.isDirectory(served.folder())) {
                if (request.request().path().toLowerCase(Locale.ROOT).endsWith(PARQUET)) {
                    // Vert.x knows no type for the failing rows' files (IANA registered this one in 2024); a file's
                    // answer only, not a 404's
                    request.addHeadersEndHandler(ended -> {
                        if (request.response().getStatusCode() / 100 == 2) {
                            request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.apache.parquet");
                        }
                    });
                }
                files.handle(request);
            } else {
                answer(request, 404, served.whenMissing());
            }
        });
    }

    /** {@code /seasons/} is {@code /seasons}, as Vert.x routes it. */
    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Set<String> endpoints(CamelContext context) {
        return context.getRestRegistry().listAllRestServices().stream()
                .map(RestRegistry.RestService::getUrl)
                .map(url -> URI.create(url).getPath())
                .map(path -> path.isEmpty() ? "/" : path)
                .collect(Collectors.toSet());
    }

    private static void logAccess(RoutingContext request) {
        if (request.request().method() == HttpMethod.HEAD && request.get(HEAD_AS_GET) == null) {
            // HEAD is GET without the body, which Vert.x leaves out of the answer to a HEAD request itself.
            request.put(HEAD_AS_GET, true);
            AccessLog.whenEnded(request, HttpMethod.HEAD.name());
            request.reroute(HttpMethod.GET, request.request().uri());
            return;
        }
        if (request.get(HEAD_AS_GET) == null) {
            AccessLog.whenEnded(request, request.request().method().name());
        }
        if (request.request().method() == HttpMethod.GET || request.request().method() == HttpMethod.HEAD) {
            ignoreBody(request);
        }
        request.next();
    }

    /**
     * A request Vert.x failed before any route (a broken percent-escape, a target not starting with '/', an
     * Expect it cannot meet) is the client's fault: its 4xx, as JSON. Anything else is ours: 500.
     */
    private static void failed(RoutingContext request) {
        int status = request.failure() instanceof HttpException http ? http.getStatusCode() : request.statusCode();
        if (request.failure() instanceof IllegalArgumentException) {
            status = 400;
        }
        if (status >= 400 && status < 500) {
            answer(request, status, status == 400 ? "request is not valid" : HttpResponseStatus.valueOf(status).reasonPhrase());
        } else {
            LOG.error("API request failed: {}", request.request().path(), request.failure());
            answer(request, 500, "internal error");
        }
    }

    /** A GET's body means nothing here; without its content type Vert.x does not try to decode it as a form. */
    private static void ignoreBody(RoutingContext request) {
        request.request().headers().remove(HttpHeaders.CONTENT_TYPE);
    }

    static void answer(RoutingContext request, int status, String error) {
        ApiHttpServer.answer(request.response(), status, error);
    }
}

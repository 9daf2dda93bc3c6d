package io.mgp.pipeline.api;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Camel's Vert.x platform-http engine, whose consumers run the API's routes on the Vert.x event loop that received the
 * request. Camel's own consumer hands every request to a worker thread and its answer back (platform-http-vertx 4.18
 * has no option against it): two thread switches per request, which cost a crawl of the in-process API more than the
 * routes themselves. The API's routes never block (they answer from the seeds in memory, api.yaml), so they may run
 * where the request arrived. Bound as {@value #NAME}, where the platform-http component looks for its engine.
 */
public final class EventLoopHttpEngine extends VertxPlatformHttpEngine {

    public static final String NAME = "platform-http-engine";

    /** Camel writes the exchange out as its consumer does, with the support method it keeps to its package. */
    private static final MethodHandle WRITE_RESPONSE = writeResponse();

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new Consumer(endpoint, processor, this);
    }

    private static final class Consumer extends VertxPlatformHttpConsumer {

        Consumer(PlatformHttpEndpoint endpoint, Processor processor, EventLoopHttpEngine engine) {
            super(endpoint, processor, engine.getHandlers(), VertxPlatformHttpRouter.getRouterNameFromPort(engine.getServerPort()));
        }

        /** As Camel's consumer does it (an API of GETs: no proxying, no form bodies), on this thread. */
        @Override
        protected void handleRequest(RoutingContext request) {
            if (isSuspended()) {
                request.response().setStatusCode(503);
                request.end();
                return;
            }
            Exchange exchange = createExchange(false);
            exchange.setPattern(ExchangePattern.InOut);
            processHttpRequest(exchange, request).onComplete(read -> {
                if (read.failed()) {
                    failed(exchange, request, read.cause());
                    return;
                }
                try {
                    createUoW(exchange);
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    failed(exchange, request, e);
                    return;
                }
                write(request, exchange).onComplete(written -> {
                    if (written.succeeded()) {
                        done(exchange);
                    } else {
                        failed(exchange, request, written.cause());
                    }
                });
            });
        }

        @SuppressWarnings("unchecked")
        private Future<Void> write(RoutingContext request, Exchange exchange) {
            try {
                return (Future<Void>) WRITE_RESPONSE.invoke(request, exchange, getEndpoint().getHeaderFilterStrategy(),
                        getEndpoint().isMuteException());
            } catch (Throwable e) {
                return Future.failedFuture(e);
            }
        }

        private void failed(Exchange exchange, RoutingContext request, Throwable cause) {
            getExceptionHandler().handleException("Failed handling platform-http endpoint " + getEndpoint().getPath(), cause);
            request.fail(cause);
            done(exchange);
        }

        private void done(Exchange exchange) {
            doneUoW(exchange);
            releaseExchange(exchange, false);
        }
    }

    private static MethodHandle writeResponse() {
        try {
            Class<?> support = Class.forName("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpSupport");
            return MethodHandles.privateLookupIn(support, MethodHandles.lookup()).findStatic(support, "writeResponse",
                    MethodType.methodType(Future.class, RoutingContext.class, Exchange.class, HeaderFilterStrategy.class,
                            boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("camel-platform-http-vertx has no writeResponse as 4.18 has", e);
        }
    }
}

package io.mgp.pipeline.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * In front of the data endpoints on the API's Vert.x router: delays, throttles, drops or fails a request as the
 * {@link FaultInjector} decides, or hands it on to the Camel route that answers it.
 */
final class FaultHandler implements Handler<RoutingContext> {

    private final FaultInjector faults;

    FaultHandler(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public void handle(RoutingContext request) {
        FaultInjector.Decision decision = faults.decide();
        long delay = decision.delay().toMillis();
        if (delay == 0) {
            apply(request, decision, false);
        } else {
            // Paused while held, so that its body cannot end meanwhile: Camel's body handler resumes the request,
            // which fails on one that has ended. A timer, not a sleep: the event loop serves others meanwhile.
            request.request().pause();
            request.vertx().setTimer(delay, timer -> apply(request, decision, true));
        }
    }

    private void apply(RoutingContext request, FaultInjector.Decision decision, boolean held) {
        if (request.response().closed()) {
            return; // the client gave up during the delay
        }
        if (decision.fault() == null) {
            request.next();
            return;
        }
        switch (decision.fault()) {
            case DROP -> request.request().connection().close();
            case THROTTLE -> {
                request.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(faults.retryAfterSeconds()));
                ApiRouterSetup.answer(request, 429, "too many requests (injected fault)");
            }
            case ERROR -> ApiRouterSetup.answer(request, decision.status(),
                    HttpResponseStatus.valueOf(decision.status()).reasonPhrase().toLowerCase(Locale.ROOT) + " (injected fault)");
            default -> throw new IllegalStateException("not a fault of the router: " + decision.fault());
        }
        if (held && decision.fault() != FaultInjector.Kind.DROP) {
            // answered here, where no body handler resumes it: the request is read to its end so the connection carries on
            request.request().resume();
        }
    }
}

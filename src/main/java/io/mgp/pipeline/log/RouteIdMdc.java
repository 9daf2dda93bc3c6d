package io.mgp.pipeline.log;

import java.util.Objects;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.impl.engine.DefaultUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.slf4j.MDC;

/**
 * Keeps the id of the route an exchange is in as {@code camel.routeId} in the MDC, which is all the run log needs
 * of Camel's MDC logging. Camel's own ({@code camel.main.use-mdc-logging}) rewrites six MDC keys around every
 * processor of every exchange, which took a tenth of the crawl's CPU; this writes one key, and only when the
 * route changes.
 */
public final class RouteIdMdc implements UnitOfWorkFactory {

    /** The key Camel's MDC logging uses for the same value, so log patterns written for it keep working. */
    public static final String KEY = "camel.routeId";

    /** Makes every exchange's unit of work one of these; before the routes are built, which look the factory up once. */
    public static void install(CamelContext context) {
        context.getCamelContextExtension().addContextPlugin(UnitOfWorkFactory.class, new RouteIdMdc());
    }

    private InflightRepository inflight;
    private boolean allowUseOriginalMessage;
    private boolean useBreadcrumb;

    @Override
    public void afterPropertiesConfigured(CamelContext context) {
        inflight = context.getInflightRepository();
        allowUseOriginalMessage = Boolean.TRUE.equals(context.isAllowUseOriginalMessage());
        useBreadcrumb = Boolean.TRUE.equals(context.isUseBreadcrumb());
    }

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        return new RouteTracking(exchange, inflight, allowUseOriginalMessage, useBreadcrumb);
    }

    /**
     * Names the route on top of the exchange's route stack as it enters and leaves routes, and what the thread had
     * before once it leaves the last (an exchange run inside another's step, as a bronze write can be). An exchange
     * that goes on on another thread (after a parallel split) names its route there before its next step. Child units
     * of work (shareUnitOfWork) would be Camel's own, without the MDC: no route here shares them.
     */
    private static final class RouteTracking extends DefaultUnitOfWork {

        /** What the thread had before the exchange entered its first route, given back once it leaves the last. */
        private String outer;
        private boolean inRoute;

        RouteTracking(Exchange exchange, InflightRepository inflight, boolean allowUseOriginalMessage, boolean useBreadcrumb) {
            super(exchange, inflight, allowUseOriginalMessage, useBreadcrumb);
        }

        @Override
        public void pushRoute(Route route) {
            if (!inRoute) {
                outer = MDC.get(KEY);
                inRoute = true;
            }
            super.pushRoute(route);
            nameCurrentRoute();
        }

        @Override
        public Route popRoute() {
            Route left = super.popRoute();
            nameCurrentRoute();
            inRoute = getRoute() != null;
            return left;
        }

        @Override
        public boolean isBeforeAfterProcess() {
            return true;
        }

        @Override
        public AsyncCallback beforeProcess(Processor processor, Exchange exchange, AsyncCallback callback) {
            nameCurrentRoute();
            return callback;
        }

        /** Writes the MDC only when it changes: most steps stay in the route the previous one was in. */
        private void nameCurrentRoute() {
            if (!inRoute) {
                // not in a route yet: what the thread's MDC holds is not this exchange's
                return;
            }
            Route route = getRoute();
            String id = route == null ? outer : route.getRouteId();
            if (!Objects.equals(MDC.get(KEY), id)) {
                if (id == null) {
                    MDC.remove(KEY);
                } else {
                    MDC.put(KEY, id);
                }
            }
        }
    }
}

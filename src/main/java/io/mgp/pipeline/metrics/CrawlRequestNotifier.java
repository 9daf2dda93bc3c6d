package io.mgp.pipeline.metrics;

import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Measures each request of the crawl from Camel's own send events, so the routes need no extra step: the http
 * producer's sending event starts the clock and its sent event stops it. The exchange property {@code request}
 * ({@code events?season_id=3}) names the endpoint ({@code events}).
 */
public final class CrawlRequestNotifier extends SimpleEventNotifierSupport {

    /** When the request left, in {@link System#nanoTime()}: the sent event's own time taken is in whole milliseconds. */
    private static final String SENT_AT = "mgp.metrics.sent-at";

    private final PipelineMetrics metrics;

    public CrawlRequestNotifier(PipelineMetrics metrics) {
        this.metrics = metrics;
        // Camel then creates no event object for anything but sends, which isEnabled narrows to the http ones.
        setIgnoreCamelContextInitEvents(true);
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeEvents(false);
        setIgnoreExchangeSendingEvents(false);
        setIgnoreExchangeSentEvents(false);
    }

    /** Only sends to the API: the sent event of a send comes only when its sending event was enabled. */
    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent sending && sending.getEndpoint() instanceof HttpEndpoint
                || event instanceof ExchangeSentEvent sent && sent.getEndpoint() instanceof HttpEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (event instanceof ExchangeSendingEvent) {
            exchange.setProperty(SENT_AT, System.nanoTime());
            return;
        }
        Long sentAt = exchange.getProperty(SENT_AT, Long.class);
        exchange.removeProperty(SENT_AT);
        String request = exchange.getProperty("request", String.class);
        if (sentAt != null && request != null) {
            metrics.crawlRequest(endpoint(request), System.nanoTime() - sentAt, exchange.isFailed());
        }
    }

    /** {@code events?season_id=3} is a request to {@code events}. */
    private static String endpoint(String request) {
        int query = request.indexOf('?');
        return query < 0 ? request : request.substring(0, query);
    }
}

package io.mgp.pipeline.log;

import java.util.List;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;

/**
 * Puts the crawl's ids, which travel as exchange properties, into the MDC while each step of a route processes an
 * exchange, so a line logged there names the season, event, category, session and request it is about.
 * Camel's MDC logging only knows its own keys (route, exchange), and propagates others by thread, not by exchange.
 */
public final class CrawlIdsInMdc implements InterceptStrategy {

    /** The exchange properties crawl.yaml sets, by the names they keep in the MDC and in the run log. */
    static final List<String> IDS = List.of("season_id", "event_id", "category_id", "session_id", "request");

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        return new DelegateAsyncProcessor(AsyncProcessorConverterHelper.convert(target)) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                String[] outer = put(exchange);
                try {
                    return processor.process(exchange, callback);
                } finally {
                    // Restored as soon as the step returns: a step that goes on asynchronously does so on another
                    // thread, whose own steps put their exchange's ids.
                    restore(outer);
                }
            }
        };
    }

    private static String[] put(Exchange exchange) {
        // An aggregated exchange (a bronze batch) stands for many answers, though it keeps the properties of its first.
        boolean aggregated = exchange.getProperty(ExchangePropertyKey.AGGREGATED_SIZE) != null;
        String[] outer = new String[IDS.size()];
        for (int i = 0; i < outer.length; i++) {
            String id = IDS.get(i);
            outer[i] = MDC.get(id);
            set(id, aggregated ? null : exchange.getProperty(id, String.class));
        }
        return outer;
    }

    private static void restore(String[] outer) {
        for (int i = 0; i < outer.length; i++) {
            set(IDS.get(i), outer[i]);
        }
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}

package io.mgp.pipeline.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The run log's route_id: while an exchange is in a route, the MDC names that route, on whichever thread runs it;
 * once it leaves, the route it came from; once the exchange is done, what the thread had before.
 */
class RouteIdMdcTest {

    private final CamelContext context = new DefaultCamelContext();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> seenBySplitItem = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        RouteIdMdc.install(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outer").routeId("outer")
                        .process(record("outer before"))
                        .to("direct:inner")
                        .process(record("outer after"))
                        .split(body()).parallelProcessing()
                            .process(exchange -> seenBySplitItem.put(exchange.getIn().getBody(String.class), MDC.get(RouteIdMdc.KEY)))
                            .to("direct:inner")
                        .end();
                from("direct:inner").routeId("inner")
                        .process(record("inner"));
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        MDC.clear();
    }

    @Test
    void theMdcNamesTheRouteTheExchangeIsIn() {
        context.createProducerTemplate().sendBody("direct:outer", List.of("a"));

        assertEquals(List.of("outer before=outer", "inner=inner", "outer after=outer"), seen.subList(0, 3));
    }

    @Test
    void splitItemsOnOtherThreadsNameTheSplittingRoute() {
        context.createProducerTemplate().sendBody("direct:outer", List.of("a", "b", "c", "d"));

        assertEquals(Map.of("a", "outer", "b", "outer", "c", "outer", "d", "outer"), seenBySplitItem);
        assertEquals(List.of("inner=inner", "inner=inner", "inner=inner", "inner=inner"), seen.subList(3, 7));
    }

    @Test
    void anExchangeRunInsideAnotherGivesItsRouteBackWhenDone() {
        MDC.put(RouteIdMdc.KEY, "caller");

        context.createProducerTemplate().sendBody("direct:inner", "a");

        assertEquals(List.of("inner=inner"), seen);
        assertEquals("caller", MDC.get(RouteIdMdc.KEY));
    }

    @Test
    void nothingIsLeftInTheMdcOnceTheExchangeIsDone() {
        context.createProducerTemplate().sendBody("direct:inner", "a");

        assertEquals(List.of("inner=inner"), seen);
        assertNull(MDC.get(RouteIdMdc.KEY));
    }

    private Processor record(String step) {
        return exchange -> seen.add(step + "=" + MDC.get(RouteIdMdc.KEY));
    }
}

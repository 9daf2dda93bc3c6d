package io.mgp.pipeline.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The crawl's ids reach the MDC of a step processing an exchange, and only of that step. */
class CrawlIdsInMdcTest {

    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aStepSeesItsExchangesIdsAndTheCallerKeepsItsOwn() throws Exception {
        try (CamelContext camel = camel(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:session")
                        .setProperty("season_id", constant("s1"))
                        .setProperty("session_id", constant("x9"))
                        .process(exchange -> seen.add(mdc()));
            }
        })) {
            MDC.put("season_id", "the caller's");
            camel.createProducerTemplate().sendBody("direct:session", null);
        }
        assertEquals("s1", seen.get(0).get("season_id"));
        assertEquals("x9", seen.get(0).get("session_id"));
        assertNull(seen.get(0).get("event_id"), "not a property of this exchange");
        assertEquals("the caller's", MDC.get("season_id"));
        assertNull(MDC.get("session_id"));
    }

    @Test
    void aBatchOfAnswersNamesNoneOfThem() throws Exception {
        try (CamelContext camel = camel(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:answer")
                        .setProperty("session_id", body())
                        .aggregate(constant("one table"), (batch, answer) -> batch == null ? answer : batch)
                        .completionSize(2)
                        .executorService(new SynchronousExecutorService())
                        .process(exchange -> seen.add(mdc()));
            }
        })) {
            camel.createProducerTemplate().sendBody("direct:answer", "x1");
            camel.createProducerTemplate().sendBody("direct:answer", "x2");
        }
        assertEquals(1, seen.size());
        assertNull(seen.get(0).get("session_id"), "the batch kept its first answer's property: " + seen.get(0));
    }

    private static CamelContext camel(RouteBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new CrawlIdsInMdc());
        camel.addRoutes(routes);
        camel.start();
        return camel;
    }

    private static Map<String, String> mdc() {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return mdc == null ? Map.of() : new HashMap<>(mdc);
    }
}

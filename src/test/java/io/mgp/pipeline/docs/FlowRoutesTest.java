package io.mgp.pipeline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.PipelineException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow before bronze, as the application's own route files define it. */
class FlowRoutesTest {

    private static final FlowRoutes FLOW = FlowRoutes.load(DocsSite.ROUTE_FILES);

    @Test
    void theFiveDataEndpointsComeWithTheirQueryParametersAndTheBeanAnsweringThem() {
        assertEquals(List.of("/seasons", "/events", "/categories", "/sessions", "/classification"),
                FLOW.endpoints().stream().map(FlowRoutes.Endpoint::path).toList(), "the home page is no data endpoint");
        FlowRoutes.Endpoint sessions = FLOW.endpoints().get(3);
        assertEquals(List.of(new FlowRoutes.Parameter("event_id", "query", true), new FlowRoutes.Parameter("category_id", "query", true)),
                sessions.parameters());
        assertEquals("sessions", sessions.route());
        assertEquals("seedApi.sessions", sessions.answeredBy());
        assertEquals(List.of(), FLOW.endpoints().get(0).parameters());
    }

    @Test
    void eachCrawlRouteRequestsOneEndpointForOneBronzeTableAndHandsItsItemsDown() {
        assertEquals(List.of(
                        new FlowRoutes.CrawlRoute("crawl", "direct:crawl", "/seasons", "seasons", List.of("crawl-season")),
                        new FlowRoutes.CrawlRoute("crawl-season", "direct:crawl-season", "/events", "events", List.of("crawl-event")),
                        new FlowRoutes.CrawlRoute("crawl-event", "direct:crawl-event", "/categories", "categories", List.of("crawl-category")),
                        new FlowRoutes.CrawlRoute("crawl-category", "direct:crawl-category", "/sessions", "sessions",
                                List.of("fetch-classification")),
                        new FlowRoutes.CrawlRoute("fetch-classification", "direct:fetch-classification", "/classification",
                                "classifications", List.of())),
                FLOW.crawlRoutes());
        assertEquals("fetch-classification", FLOW.writing("classifications").orElseThrow().id());
        assertEquals("crawl-event", FLOW.requesting("/categories").orElseThrow().id());
    }

    @Test
    void aRouteFileThatIsNotThereIsAnErrorNamingIt() {
        PipelineException error = assertThrows(PipelineException.class, () -> FlowRoutes.load(List.of("classpath:routes/no-such.yaml")));
        assertTrue(error.getMessage().contains("routes/no-such.yaml"), error.getMessage());
    }
}

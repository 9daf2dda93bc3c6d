package io.mgp.pipeline.state;

import static io.mgp.pipeline.LakeAssertions.stateCount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.cli.CamelApp;
import io.mgp.pipeline.crawl.AnswerShape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task queue as bronze writes fill it: answers sent to direct:bronze, then the state read back. */
class TaskQueueTest {

    private static final String SESSIONS = """
            [{"id":"s1","name":"RAC","season_id":"y","event_id":"e","category_id":"c"},
             {"id":"s2","name":"Q1","season_id":"y","event_id":"e","category_id":"c"}]""";

    @TempDir
    Path lake;

    @Test
    void discoveringTheSameSessionsAgainKeepsOneTaskEachAndLeavesFinishedTasksFinished() throws Exception {
        write(sessions(), classification("s1", "[{\"name\":\"Rider\",\"position\":1}]"), classification("s2", "[]"));
        write(sessions());

        assertEquals(2, stateCount(lake, "SELECT count(*) FROM tasks"));
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM tasks WHERE session_id = 's1' AND status = 'done' AND attempts = 1"));
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM tasks WHERE session_id = 's2' AND status = 'empty'"));
    }

    @Test
    void sessionsAreQueuedPendingWithTheirSeasonAndParentIds() throws Exception {
        write(sessions());
        write(sessions());

        assertEquals(2, stateCount(lake, "SELECT count(*) FROM tasks WHERE status = 'pending' AND season = '2001' "
                + "AND season_id = 'y' AND event_id = 'e' AND category_id = 'c' AND attempts = 0"));
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM answers"), "the one request, its answer once");
    }

    @Test
    void resultsWrittenBeforeTheirSessionsStillFinishTheTask() throws Exception {
        write(classification("s1", "[{\"name\":\"Rider\",\"position\":1}]"));
        write(sessions());

        assertEquals(1, stateCount(lake, "SELECT count(*) FROM tasks WHERE session_id = 's1' AND status = 'done'"));
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM tasks WHERE session_id = 's2' AND status = 'pending'"));
    }

    /** Sends the answers to bronze and flushes them, in one application whose state is then closed. */
    private void write(Answer... answers) throws Exception {
        try (CamelApp app = CamelApp.client(Map.of("mgp.lake", lake.toString(), "mgp.api-url", "http://127.0.0.1:9")).start()) {
            ProducerTemplate producer = app.context().createProducerTemplate();
            for (Answer answer : answers) {
                ExchangeBuilder exchange = ExchangeBuilder.anExchange(app.context())
                        .withBody(answer.body.getBytes(StandardCharsets.UTF_8))
                        .withProperty(AnswerShape.ROWS, new ObjectMapper().readTree(answer.body).size())
                        .withProperty("table", answer.table).withProperty("request", answer.request)
                        .withProperty("season", "2001").withProperty("season_id", "y")
                        .withProperty("event_id", "e").withProperty("category_id", "c");
                if (answer.sessionId != null) {
                    exchange.withProperty("session_id", answer.sessionId);
                }
                producer.send("direct:bronze", exchange.build());
            }
            producer.sendBody("direct:bronze-flush", null);
            producer.stop();
        }
    }

    private record Answer(String table, String request, String sessionId, String body) {
    }

    private static Answer sessions() {
        return new Answer("sessions", "sessions?event_id=e&category_id=c", null, SESSIONS);
    }

    private static Answer classification(String sessionId, String body) {
        return new Answer("classifications", "classification?session_id=" + sessionId, sessionId, body);
    }
}

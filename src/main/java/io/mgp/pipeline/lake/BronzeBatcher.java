package io.mgp.pipeline.lake;

import io.mgp.pipeline.crawl.AnswerShape;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Aggregates API answers of one table into a {@link BronzeBatch}, which the writer opens.
 * The crawl's ids travel as exchange properties; each page keeps a copy so its rows can inherit them.
 */
public final class BronzeBatcher implements AggregationStrategy {

    private final String runId;
    private final BronzeWriter writer;

    public BronzeBatcher(String runId, BronzeWriter writer) {
        this.runId = runId;
        this.writer = writer;
    }

    /** The exchange properties that make up a page's crawl context. */
    static final List<String> CONTEXT = List.of("season", "season_id", "event_id", "category_id", "session_id");

    @Override
    public Exchange aggregate(Exchange batch, Exchange answer) {
        BronzePage page = page(answer);
        try {
            if (batch == null) {
                answer.getMessage().setBody(first(page));
                return answer;
            }
            batch.getMessage().getBody(BronzeBatch.class).add(page);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot gather " + page.table() + " answers for bronze: " + e.getMessage(), e);
        }
        return batch;
    }

    /** The aggregator has completed the batch and hands it to a writer. */
    @Override
    public void onCompletion(Exchange batch) {
        writer.completed(batch.getMessage().getBody(BronzeBatch.class));
    }

    /** A new batch holding the page; one whose first page fails is discarded, as the aggregator forgets it. */
    private BronzeBatch first(BronzePage page) throws SQLException {
        BronzeBatch batch = writer.open(page.table());
        try {
            batch.add(page);
            return batch;
        } catch (SQLException | RuntimeException e) {
            writer.discard(batch);
            throw e;
        }
    }

    private BronzePage page(Exchange answer) {
        Map<String, Object> context = new HashMap<>();
        for (String name : CONTEXT) {
            Object value = answer.getProperty(name);
            if (value != null) {
                context.put(name, value);
            }
        }
        return new BronzePage(
                answer.getProperty("table", String.class),
                runId,
                answer.getProperty("request", String.class),
                UUID.randomUUID().toString(),
                LocalDateTime.now(ZoneOffset.UTC),
                context,
                answer.getMessage().getBody(byte[].class),
                answer.getProperty(AnswerShape.ROWS, Integer.class));
    }
}

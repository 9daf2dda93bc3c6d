package io.mgp.pipeline.crawl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks an API answer before anything is written for it: a JSON array of objects, each with the fields its
 * table needs, of the right kind. One streaming pass to the end over the answer's bytes as received, no tree built:
 * an answer that does not parse (cut short, empty) is worth asking again, and that is told before any shape problem,
 * which is not. The rows it counted go with the answer (exchange property {@value #ROWS}): the task queue tells an
 * empty session by them, without parsing the answer again.
 */
public final class AnswerShape implements Processor {

    /** The exchange property holding how many rows the answer has. */
    public static final String ROWS = "answer_rows";

    private static final JsonFactory JSON = new JsonFactory();

    /** The fields each table's rows must have, in the order a problem names them; ids may be strings or numbers. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "seasons", List.of("id", "year"),
            "events", List.of("id", "name"),
            "categories", List.of("id", "name"),
            "sessions", List.of("id", "name"),
            "classifications", List.of("name", "points", "position"));

    /** Fields that must be numbers (or null); any other field must be a string, a number or null. */
    private static final Set<String> NUMBERS = Set.of("year", "number", "position", "points");

    private final String apiUrl;

    public AnswerShape(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** Checks the answer the exchange holds (the bytes the API sent) and notes its rows. */
    @Override
    public void process(Exchange exchange) throws Exception {
        byte[] answer = exchange.getMessage().getMandatoryBody(byte[].class);
        exchange.setProperty(ROWS, check(exchange.getProperty("table", String.class),
                exchange.getProperty("request", String.class), answer));
    }

    /** Checks an answer of the table's and returns how many rows it has. */
    int check(String table, String request, byte[] answer) throws IOException {
        Shape shape;
        try (JsonParser json = JSON.createParser(answer)) {
            shape = shape(json, REQUIRED.getOrDefault(table, List.of()));
            while (json.nextToken() != null) {
                // read to the end: a cut-off answer must be told as such
            }
        } catch (JsonParseException e) {
            throw new UnparseableAnswerException(url(request), e.getOriginalMessage(), e);
        }
        if (shape.problem() != null) {
            throw new WrongAnswerShapeException(url(request), shape.problem());
        }
        return shape.rows();
    }

    /** The rows read, and the first thing wrong with the answer's shape (null when nothing is). */
    private record Shape(int rows, String problem) {
    }

    /** Made only when an answer is wrong: the check runs for every answer. */
    private String url(String request) {
        return apiUrl + "/" + request;
    }

    private static Shape shape(JsonParser json, List<String> required) throws IOException {
        JsonToken token = json.nextToken();
        if (token == null) {
            throw new JsonParseException(json, "the answer is empty");
        }
        if (token != JsonToken.START_ARRAY) {
            return new Shape(0, "expected a JSON array, got " + describe(token));
        }
        int rows = 0;
        while ((token = json.nextToken()) == JsonToken.START_OBJECT) {
            String problem = rowProblem(json, required);
            if (problem != null) {
                return new Shape(rows, problem);
            }
            rows++;
        }
        if (token != JsonToken.END_ARRAY) {
            return new Shape(rows, "expected JSON objects in the array, got " + describe(token));
        }
        return new Shape(rows, json.nextToken() == null ? null : "unexpected content after the JSON array");
    }

    /** Checked for every row of every answer: the required fields seen are bits, not a set to allocate. */
    private static String rowProblem(JsonParser json, List<String> required) throws IOException {
        int seen = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            boolean fits = value == JsonToken.VALUE_NULL || value.isNumeric()
                    || value == JsonToken.VALUE_STRING && !NUMBERS.contains(field);
            if (!fits) {
                return "field '" + field + "' is " + describe(value);
            }
            int index = required.indexOf(field);
            if (index >= 0) {
                seen |= 1 << index;
            }
        }
        if (seen == (1 << required.size()) - 1) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            if ((seen & 1 << i) == 0) {
                missing.add(required.get(i));
            }
        }
        return "a row lacks " + String.join(", ", missing);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.isNumeric() ? "a number" : token.asString();
        };
    }
}

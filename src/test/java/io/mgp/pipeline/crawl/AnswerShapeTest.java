package io.mgp.pipeline.crawl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the crawl accepts as an answer before writing anything for it. */
class AnswerShapeTest {

    private static final String URL = "http://127.0.0.1:8889/classification?session_id=s1";
    private final AnswerShape shape = new AnswerShape("http://127.0.0.1:8889");

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "[{\"name\":\"Günter Beer\",\"number\":null,\"position\":null,\"points\":0}]",
        "[{\"session_id\":\"s1\",\"name\":\"A\",\"number\":46,\"position\":1,\"points\":25,\"extra\":\"kept\"}]",
        "[{\"season_id\":17,\"name\":\"A\",\"position\":1,\"points\":12.5}]",
    })
    void aJsonArrayOfRowsWithTheirFieldsIsAccepted(String answer) {
        assertDoesNotThrow(() -> shape.check("classifications", "classification?session_id=s1", answer.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRowsOfAnAcceptedAnswerAreCounted() throws Exception {
        assertEquals(0, shape.check("classifications", "classification?session_id=s1", "[]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, shape.check("sessions", "sessions?event_id=1&category_id=2",
                "[{\"id\":\"a\",\"name\":\"RAC\"},{\"id\":\"b\",\"name\":\"Q1\"}]".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"A\"}                                        | expected a JSON array, got an object",
        "\"text\"                                               | expected a JSON array, got a string",
        "[1, 2]                                                 | expected JSON objects in the array, got a number",
        "[{\"name\":\"A\",\"points\":25}]                       | a row lacks position",
        "[{\"name\":\"A\",\"position\":\"first\",\"points\":25}] | field 'position' is a string",
        "[{\"name\":[\"A\"],\"position\":1,\"points\":25}]      | field 'name' is an array",
        "[] []                                                  | unexpected content after the JSON array",
    })
    void aWrongShapeIsRefusedNamingTheUrlAndTheProblem(String answer, String problem) {
        WrongAnswerShapeException refused = assertThrows(WrongAnswerShapeException.class,
                () -> shape.check("classifications", "classification?session_id=s1", answer.getBytes(StandardCharsets.UTF_8)));
        assertEquals("the answer from " + URL + " has the wrong shape: " + problem, refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"name\":\"A\",\"posi", "[{\"name\":\"A\"},", "", "<html>"})
    void aCutOffOrNonJsonAnswerIsUnparseableAndSoWorthAskingAgain(String answer) {
        UnparseableAnswerException refused = assertThrows(UnparseableAnswerException.class,
                () -> shape.check("classifications", "classification?session_id=s1", answer.getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, refused.getMessage().startsWith("the answer from " + URL + " is not valid JSON"), refused.getMessage());
    }
}

package io.mgp.pipeline.api;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP contract of the emulated MotoGP API, checked against a real server on a free loopback port.
 * Every expected value is read from the seed files with DuckDB, so the tests hold for any seeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    /**
     * The JSON endpoints: path, query parameters (also the seed columns they filter on), seed file, and the seed
     * columns each row answers, in the contract's order; rows are looked up by the keys of the parent file.
     */
    private record Endpoint(String path, List<String> params, String seedFile, String columns,
                            String parentFile, String parentKeyColumns) {
        @Override
        public String toString() {
            return path;
        }
    }

    private static final Endpoint SEASONS = new Endpoint("/seasons", List.of(), "seasons", "id, \"year\"", null, null);
    private static final Endpoint EVENTS = new Endpoint("/events", List.of("season_id"), "events",
            "name, sname, sname AS short_name, id, season_id", "seasons", "id");
    private static final Endpoint CATEGORIES = new Endpoint("/categories", List.of("event_id"), "categories",
            "name, id, season_id, event_id", "events", "id");
    private static final Endpoint SESSIONS = new Endpoint("/sessions", List.of("event_id", "category_id"), "sessions",
            "name, id, season_id, event_id, category_id", "categories", "event_id, id");
    private static final Endpoint CLASSIFICATION = new Endpoint("/classification", List.of("session_id"),
            "classifications", "season_id, event_id, category_id, session_id, name, \"number\", \"position\", points",
            "sessions", "id");

    private Path seeds;
    private CamelApp app;
    private String host;
    private int port;
    private HttpClient http;
    private Connection duck;

    @BeforeAll
    void startServer() throws Exception {
        seeds = TestSeeds.small();
        app = CamelApp.api(Map.of("mgp.seeds", seeds.toString(), "mgp.port", "0")).start();
        host = app.property("mgp.host");
        port = Integer.parseInt(app.property("mgp.port"));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    void stopServer() throws Exception {
        if (duck != null) {
            duck.close();
        }
        if (app != null) {
            app.close();
        }
    }

    // ---- the answers ----

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "*/*", "application/json"})
    void anyAcceptHeaderGetsTheJsonAnswer(String accept) throws Exception {
        JsonNode seasons = json(send(request("/seasons").header("Accept", accept).GET()), 200);
        assertEquals(seedRows(SEASONS, List.of()), seasons);
    }

    @Test
    void homeAnswersThePlainTextName() throws Exception {
        HttpResponse<byte[]> response = get("/");

        assertEquals(200, response.statusCode());
        assertEquals("text/plain", contentType(response).split(";")[0].trim());
        assertEquals("Local Open MotoGP DB", new String(response.body(), UTF_8));
    }

    @Test
    void seasonsAnswerEverySeedRow() throws Exception {
        assertAnswersSeedRows(SEASONS, List.of());
    }

    /** The busiest key of each file, so the comparison covers as many rows as the seeds allow. */
    @ParameterizedTest
    @MethodSource("lookupEndpoints")
    void answerIsTheSeedRowsOfTheKeyInFileOrder(Endpoint endpoint) throws Exception {
        List<List<String>> busiest = duckRows("SELECT " + String.join(", ", endpoint.params()) + " FROM "
                + seedFile(endpoint.seedFile()) + " GROUP BY ALL ORDER BY count(*) DESC, min(file_row_number) LIMIT 1");
        assertAnswersSeedRows(endpoint, busiest.get(0));
    }

    /** Every key of the parent file, including parents without children (those answer []), gives the seed count. */
    @ParameterizedTest
    @MethodSource("lookupEndpoints")
    void everyParentKeyAnswersAsManyRowsAsTheSeedsHold(Endpoint endpoint) throws Exception {
        String keys = String.join(", ", endpoint.params());
        Map<List<String>, Integer> counts = new HashMap<>();
        for (List<String> row : duckRows("SELECT " + keys + ", count(*) FROM " + seedFile(endpoint.seedFile())
                + " GROUP BY ALL")) {
            counts.put(row.subList(0, row.size() - 1), Integer.parseInt(row.get(row.size() - 1)));
        }
        List<List<String>> parentKeys = duckRows("SELECT " + endpoint.parentKeyColumns() + " FROM "
                + seedFile(endpoint.parentFile()) + " ORDER BY file_row_number");
        assertFalse(parentKeys.isEmpty(), "seeds have no " + endpoint.parentFile());

        for (List<String> key : parentKeys) {
            JsonNode rows = getJson(pathAndQuery(endpoint, key), 200);
            assertEquals(counts.getOrDefault(key, 0), rows.size(), endpoint + " " + key);
        }
    }

    /** Rows without a rider number or position must say so with JSON null, not drop the field or write 0. */
    @Test
    void missingNumberAndPositionAreJsonNull() throws Exception {
        List<List<String>> session = duckRows("SELECT session_id FROM " + seedFile("classifications")
                + " GROUP BY ALL HAVING count(*) FILTER (number IS NULL) > 0 AND count(*) FILTER (position IS NULL) > 0"
                + " ORDER BY min(file_row_number) LIMIT 1");
        assertFalse(session.isEmpty(), "the seeds have no session with both a null number and a null position");

        JsonNode rows = assertAnswersSeedRows(CLASSIFICATION, session.get(0));

        for (String field : List.of("number", "position")) {
            long nulls = elements(rows).filter(row -> row.get(field).isNull()).count();
            assertTrue(nulls > 0, field + " has no JSON null");
        }
    }

    /** Jackson must write the rider's name as raw UTF-8, neither escaped nor re-encoded. */
    @Test
    void nonAsciiRiderNameRoundTripsByteForByte() throws Exception {
        List<List<String>> rider = duckRows("SELECT session_id, name FROM " + seedFile("classifications")
                + " WHERE strlen(name) > length(name) ORDER BY file_row_number LIMIT 1");
        assertFalse(rider.isEmpty(), "the seeds have no non-ASCII rider name");
        String session = rider.get(0).get(0);
        String name = rider.get(0).get(1);

        HttpResponse<byte[]> response = get(pathAndQuery(CLASSIFICATION, List.of(session)));

        assertEquals(200, response.statusCode());
        byte[] quoted = ("\"name\":\"" + name + "\"").getBytes(UTF_8);
        assertTrue(indexOf(response.body(), quoted) >= 0, "body lacks the UTF-8 bytes of " + name);
        JsonNode rows = JSON.readTree(response.body());
        assertTrue(elements(rows).anyMatch(row -> name.equals(row.get("name").asText())), name);
    }

    // ---- what the API refuses ----

    /** Ids that are not in the seeds, including ones that try to break a lookup or its encoding. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownIds")
    void unknownIdsAnswerAnEmptyArray(Endpoint endpoint, String encodedId) throws Exception {
        String query = endpoint.path() + "?" + String.join("&",
                endpoint.params().stream().map(p -> p + "=" + encodedId).toList());

        JsonNode rows = getJson(query, 200);

        assertEquals(JSON.createArrayNode(), rows, query);
    }

    @ParameterizedTest
    @CsvSource({"/events, season_id", "/events?season_id=, season_id", "/events?season_id=%20, season_id",
            "/events?other=1, season_id", "/categories, event_id", "/categories?event_id=, event_id",
            "/sessions?category_id=C, event_id", "/sessions?event_id=E, category_id",
            "/sessions?event_id=E&category_id=, category_id", "/classification, session_id",
            "/classification?session_id=, session_id"})
    void missingOrEmptyRequiredParameterIsA400WithJsonError(String query, String missing) throws Exception {
        JsonNode error = getJson(query, 400);

        assertErrorNaming(error, missing);
    }

    @ParameterizedTest
    @CsvSource({"/events?season_id=a&season_id=b, season_id", "/events?season_id=a&season_id=a, season_id",
            "/sessions?event_id=E&category_id=C&category_id=D, category_id",
            "/classification?session_id=&session_id=x, session_id"})
    void parameterGivenTwiceIsA400WithJsonError(String query, String repeated) throws Exception {
        JsonNode error = getJson(query, 400);

        assertErrorNaming(error, repeated);
    }

    // Platform-http copies request headers and query parameters into the same Camel headers, whose names are
    // case-insensitive: a parameter must still come from the query string only, under its exact name.

    @Test
    void requestHeaderDoesNotStandInForAMissingQueryParameter() throws Exception {
        HttpResponse<byte[]> response = send(request("/events").header("season_id", firstSeason()).GET());

        assertErrorNaming(json(response, 400), "season_id");
    }

    @Test
    void queryParameterNamesAreCaseSensitive() throws Exception {
        JsonNode error = getJson("/events?SEASON_ID=" + URLEncoder.encode(firstSeason(), UTF_8), 400);

        assertErrorNaming(error, "season_id");
    }

    @Test
    void requestHeaderNamedLikeAParameterDoesNotSpoilAValidQuery() throws Exception {
        List<String> season = List.of(firstSeason());

        HttpResponse<byte[]> response = send(request(pathAndQuery(EVENTS, season)).header("season_id", "other").GET());

        assertEquals(seedRows(EVENTS, season), json(response, 200));
    }

    /** Values that cannot be ids, or queries that are barely HTTP: the answer may be a 4xx, never a server error. */
    @ParameterizedTest
    @MethodSource("malformedQueries")
    void anyQueryStringIsAnsweredWithoutAServerError(String requestTarget) throws Exception {
        int status = rawStatus(requestTarget);

        assertTrue(status >= 200 && status < 500, requestTarget.length() > 120
                ? requestTarget.substring(0, 120) + "... answered " + status : requestTarget + " answered " + status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethodsAreA405WithJsonError(String method) throws Exception {
        for (String path : List.of("/", "/seasons", "/events?season_id=x", "/sessions?event_id=E&category_id=C")) {
            HttpResponse<byte[]> response =
                    send(request(path).method(method, HttpRequest.BodyPublishers.ofString("{}")));

            assertErrorNaming(json(response, 405), method);
            assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(null));
        }
    }

    @ParameterizedTest
    @CsvSource({"/, HTTP_1_1", "/seasons, HTTP_1_1", "/events?season_id=x, HTTP_1_1", "/events, HTTP_1_1",
            "/seasons, HTTP_2", "/events, HTTP_2"})
    void headAnswersAsGetWithoutTheBody(String path, HttpClient.Version version) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        HttpResponse<byte[]> get = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = client.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(get.statusCode(), head.statusCode(), path);
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
        assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"), path);
        assertEquals(0, head.body().length, path);
        // A client offering HTTP/2 (an h2c upgrade) is answered in HTTP/1.1, as the original Go server does.
        assertEquals(HttpClient.Version.HTTP_1_1, head.version(), path);
    }

    /** Requests Vert.x refuses before any route: each gets its status with a JSON error, and never hangs. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /seasons HTTP/1.1\\r\\nHost: a%41b                      | 400",
        "GET /sea%zzsons HTTP/1.1\\r\\nHost: x                       | 400",
        "GET /seasons HTTP/1.1\\r\\nHost: x\\r\\nBad Header: 1      | 400",
        "GET /seasons?season_id=LONG_ID HTTP/1.1\\r\\nHost: x          | 414",
        "GET /seasons HTTP/1.1\\r\\nHost: x\\r\\nX-Big: LONG_HEADER | 431",
    })
    void requestsRefusedBeforeRoutingGetAJsonError(String head, int status) throws IOException {
        String request = head.replace("\\r\\n", "\r\n").replace("LONG_ID", "1".repeat(5_000))
                .replace("LONG_HEADER", "b".repeat(9_000)) + "\r\nConnection: close\r\n\r\n";

        String answer = rawAnswer(request);

        assertTrue(answer.startsWith("HTTP/1.1 " + status + " ") || answer.startsWith("HTTP/1.0 " + status + " "), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: " + JSON_TYPE), answer);
        assertTrue(answer.matches("(?s).*\r\n\r\n\\{\"error\":\"[^\"]+\"}"), answer);
    }

    @Test
    void anH2cUpgradeIsAnsweredInHttp1() throws IOException {
        for (String settings : List.of("", "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n")) {
            String answer = rawAnswer("GET /seasons HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Upgrade: h2c\r\n" + settings + "\r\n");

            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
            assertTrue(answer.contains("\"year\""), answer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/season", "/seasons/1", "/api/seasons", "/events/x?season_id=1", "/%C3%28",
            "/%E2%9C%93", "/classification/session_id"})
    void unknownPathsAreA404WithJsonError(String path) throws Exception {
        JsonNode error = getJson(path, 404);

        assertTrue(error.path("error").isTextual(), error::toString);
    }

    /**
     * Platform-http copies request headers and query parameters into the exchange, from which they would be sent
     * back: whatever the status, no response header may come from the request.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/seasons", "/events?season_id=probe-7f3a", "/events",
            "/events?season_id=1&season_id=2", "/nope?season_id=probe-7f3a"})
    void responsesDoNotEchoRequestHeadersOrQueryParameters(String query) throws Exception {
        for (String method : List.of("GET", "POST")) {
            HttpResponse<byte[]> response = send(request(query).header("X-Probe", "probe-7f3a")
                    .method(method, HttpRequest.BodyPublishers.noBody()));

            Map<String, List<String>> headers = response.headers().map();
            for (String echo : List.of("x-probe", "season_id", "camelhttpquery", "camelhttpuri", "camelhttppath")) {
                assertFalse(headers.keySet().stream().anyMatch(echo::equalsIgnoreCase),
                        method + " " + query + ": " + headers);
            }
            assertFalse(headers.values().stream().flatMap(List::stream).anyMatch(v -> v.contains("probe-7f3a")),
                    method + " " + query + ": " + headers);
        }
    }

    // ---- the seeds, through DuckDB ----

    private Stream<Endpoint> lookupEndpoints() {
        return Stream.of(EVENTS, CATEGORIES, SESSIONS, CLASSIFICATION);
    }

    private Stream<Arguments> unknownIds() {
        List<String> ids = List.of("no-such-id", "null", "'", "%22", "%27%20OR%201%3D1%20--", "1'%20OR%20'1'%3D'1",
                "%00", "a%00b", "%C3%28", "%FF", "%E2%9C%93%F0%9F%8F%8D%EF%B8%8F", "%E5%B0%8F%E6%9E%97", "%F0%28%8C%28",
                "..%2F..%2Fetc%2Fpasswd", "a%1Fb", "%5B%5D", "%7B%7D", "id%0D%0AX-Injected:%201", "a+b");
        return lookupEndpoints().flatMap(e -> ids.stream().map(id -> Arguments.of(e, id)));
    }

    /**
     * Sent as raw request lines, since java.net.URI refuses most of them; each char is one byte on the wire, so
     * U+00FF is the byte 0xFF. Targets over Vert.x's 4096-byte request line are refused before any route (414).
     */
    private Stream<String> malformedQueries() {
        String tenKilobytes = "x".repeat(10 * 1024);
        return Stream.of(
                "/events?season_id=" + tenKilobytes,
                "/classification?session_id=" + "%FF".repeat(3 * 1024),
                "/events?" + tenKilobytes + "=1",
                "/events?" + String.join("&", IntStream.range(0, 200).mapToObj(i -> "season_id=" + i).toList()),
                "/events?season_id=%",
                "/events?season_id=%Z",
                "/events?season_id=%ZZ",
                "/events?season_id=%C3%",
                "/events?season_id=%%%",
                "/events?season_id==",
                "/events?=x",
                "/events?&&&",
                "/events?season_id=" + "y".repeat(3000),
                "/events?season_id=\"'<>{}|\\^`",
                "/events?season_id=\u00c3\u00a9",
                "/events?season_id=\u00ff\u00fe\u00c3\u0028",
                "/sessions?event_id=%00&category_id=%FF",
                "/seasons?season_id=%ZZ");
    }

    /** A file read with its row numbers, so expected rows can be put in file order. */
    private String seedFile(String name) {
        return "read_parquet('" + seeds.resolve(name + ".parquet").toAbsolutePath().toString().replace("'", "''")
                + "', file_row_number = true)";
    }

    /** The endpoint's rows for a key, read straight from the seed file, as JSON with the contract's fields in order. */
    private JsonNode seedRows(Endpoint endpoint, List<String> key) throws Exception {
        String where = endpoint.params().isEmpty() ? "" : " WHERE " + String.join(" AND ",
                endpoint.params().stream().map(p -> p + " = ?").toList());
        String sql = "SELECT " + endpoint.columns() + " FROM " + seedFile(endpoint.seedFile()) + where
                + " ORDER BY file_row_number";
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = duck.prepareStatement(sql)) {
            for (int i = 0; i < key.size(); i++) {
                statement.setString(i + 1, key.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        // Through bytes and back, so numbers get the same node types as in the parsed response.
        return JSON.readTree(JSON.writeValueAsBytes(rows));
    }

    private String firstSeason() throws SQLException {
        return duckRows("SELECT id FROM " + seedFile("seasons") + " ORDER BY file_row_number LIMIT 1").get(0).get(0);
    }

    private List<List<String>> duckRows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (var statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    // ---- HTTP ----

    private static String pathAndQuery(Endpoint endpoint, List<String> key) {
        StringBuilder query = new StringBuilder(endpoint.path());
        for (int i = 0; i < key.size(); i++) {
            query.append(i == 0 ? '?' : '&').append(endpoint.params().get(i)).append('=')
                    .append(URLEncoder.encode(key.get(i), UTF_8));
        }
        return query.toString();
    }

    private JsonNode getJson(String pathAndQuery, int status) throws Exception {
        return json(get(pathAndQuery), status);
    }

    /** The parsed body of a JSON answer with the given status. */
    private static JsonNode json(HttpResponse<byte[]> response, int status) throws IOException {
        String request = response.request().method() + " " + response.uri().getRawPath()
                + (response.uri().getRawQuery() == null ? "" : "?" + response.uri().getRawQuery());
        assertEquals(status, response.statusCode(), () -> request + " answered " + text(response));
        assertEquals(JSON_TYPE, contentType(response), () -> request + " answered " + text(response));
        return JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).GET());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The status of a request whose target is written to the socket exactly as given, as a hostile client would. */
    private int rawStatus(String requestTarget) throws IOException {
        String answer = rawAnswer("GET " + requestTarget + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] \\d{3} .*"), () -> "not an HTTP answer: " + answer);
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** The whole answer to a request written to the socket byte for byte; the request must close the connection. */
    private String rawAnswer(String request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), UTF_8);
        }
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    /** Status, headers and the start of the body, for failure messages. */
    private static String text(HttpResponse<byte[]> response) {
        String body = new String(response.body(), UTF_8);
        return response.statusCode() + " " + response.headers().map() + " "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    // ---- assertions on JSON ----

    /** The full answer for a key equals the seed rows: same rows, same order, same fields in the same order. */
    private JsonNode assertAnswersSeedRows(Endpoint endpoint, List<String> key) throws Exception {
        JsonNode expected = seedRows(endpoint, key);
        assertFalse(expected.isEmpty(), "no seed rows for " + endpoint + " " + key);

        JsonNode actual = getJson(pathAndQuery(endpoint, key), 200);

        assertEquals(expected, actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(fieldNames(expected.get(i)), fieldNames(actual.get(i)), endpoint + " row " + i);
        }
        return actual;
    }

    /** An error body is exactly {"error": "..."}, and its message names what was wrong. */
    private static void assertErrorNaming(JsonNode error, String named) {
        assertEquals(List.of("error"), fieldNames(error), error::toString);
        assertTrue(error.get("error").asText().contains(named), () -> error + " does not name " + named);
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

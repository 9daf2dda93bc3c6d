package io.mgp.pipeline.api;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Thousands of random requests, written byte for byte to a raw socket, against a real server on a free loopback
 * port: the real endpoints and unknown or oddly spelled paths, any method, hostile query strings, odd headers and
 * bodies. Every request must get a whole answer that is never a server error, and every 4xx must be
 * {@code {"error": "..."}} JSON, the refusals of Vert.x's HTTP codec too (414 for a request line over 4096 bytes,
 * 431 for headers over 8 KB, 400 for a request line or header it cannot parse). The one exception is the codec's 501
 * for an HTTP version other than 1.0 and 1.1, which is not an HTTP/1 request at all.
 *
 * <p>The requests come from {@code java.util.Random}, one per request from the seed and the request's number, so a
 * seed always sends the same requests: {@code mvn -o -q test -Dtest=ApiFuzzTest -Dfuzz.seed=N}
 * ({@code -Dfuzz.requests=N} for more or fewer, {@code -Dfuzz.only=12,345} to send only those requests).
 * A failure names the seed and shows the offending requests exactly as sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    private static final long DEFAULT_SEED = 20_251_124L;
    private static final int DEFAULT_REQUESTS = 3_000;
    /** Requests in flight at once; a request the server never answers holds one of them for READ_TIMEOUT_MS. */
    private static final int CLIENTS = 8;
    private static final int READ_TIMEOUT_MS = 4_000;
    /** Vert.x's HttpServerOptions defaults, which platform-http keeps. */
    private static final int MAX_INITIAL_LINE = 4_096;
    private static final int MAX_HEADER_SIZE = 8_192;
    /** Within this many bytes of a limit, either answer is accepted: the codec's exact accounting is its business. */
    private static final int LIMIT_SLACK = 64;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private static final Map<String, List<String>> ENDPOINTS = endpoints();
    private static final List<String> PARAM_NAMES = List.of("season_id", "event_id", "category_id", "session_id");

    /** What a request's target names, for the answers it may get. */
    private enum Kind {
        /** One of the five data endpoints, however spelled (trailing slash, dot segments, escaped letters...). */
        DATA,
        /** The home page {@code /}. */
        HOME,
        /** A path no endpoint has. */
        UNKNOWN,
        /** Camel's own {@code /observe/...} services. */
        OBSERVE,
        /** A path with a broken percent-escape, which cannot be decoded. */
        BAD_PATH_ESCAPE,
        /** A target that is not a path: {@code *}, {@code seasons}, {@code http:/seasons}, {@code ?season_id=1}. */
        NOT_A_PATH
    }

    /**
     * One request: its bytes, and what may answer it. {@code codec} holds the statuses Vert.x's HTTP codec refuses it
     * with, before any route; {@code codecCertain} says that the codec must refuse it (else it may also be routed).
     */
    private record Probe(int index, byte[] bytes, String method, boolean validMethod, Kind kind, Set<Integer> allowed,
                         Set<Integer> codec, boolean codecCertain) {

        boolean head() {
            return "HEAD".equals(method);
        }

        String methodClass() {
            return !validMethod ? "invalid method" : switch (method) {
                case "GET", "HEAD" -> method;
                default -> "other method";
            };
        }
    }

    /** What came back: a status and its headers (lower-case names) and body, or the problem that stopped it. */
    private record Answer(int status, String head, Map<String, String> headers, byte[] body, String problem) {
    }

    private long seed;
    private int requests;
    private Set<Integer> only;
    private CamelApp app;
    private String host;
    private int port;
    private HttpClient http;
    /** Real ids per parameter name, read from the server, so that some requests find rows. */
    private final Map<String, List<String>> ids = new LinkedHashMap<>();

    @BeforeAll
    void startServer() throws Exception {
        seed = longProperty("fuzz.seed", DEFAULT_SEED);
        requests = (int) longProperty("fuzz.requests", DEFAULT_REQUESTS);
        String onlyProperty = System.getProperty("fuzz.only", "").strip();
        only = onlyProperty.isEmpty() ? null : Arrays.stream(onlyProperty.split(","))
                .map(String::strip).map(Integer::valueOf).collect(Collectors.toSet());
        app = CamelApp.api(Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.port", "0")).start();
        host = app.property("mgp.host");
        port = Integer.parseInt(app.property("mgp.port"));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        readIds();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void randomRequestsGetAWholeAnswerNeverA5xxAndJsonErrors() throws Exception {
        List<Probe> probes = IntStream.range(0, requests)
                .filter(i -> only == null || only.contains(i))
                .mapToObj(i -> new Generator(new Random(seed * 0x9E3779B97F4A7C15L + i), i).probe())
                .toList();

        long start = System.nanoTime();
        List<Answer> answers = sendAll(probes);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Map<String, List<Integer>> failures = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Answer answer = answers.get(i);
            statuses.merge(answer.problem() == null ? String.valueOf(answer.status()) : "none", 1, Integer::sum);
            for (String violation : violations(probe, answer)) {
                // a missing or unfinished answer is grouped alone: what the request named rarely explains it
                String group = answer.problem() != null ? violation : violation + " | " + probe.methodClass() + ", "
                        + probe.kind();
                failures.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
            }
        }
        System.out.printf("ApiFuzzTest: seed %d, %d requests in %d ms, answers by status %s%n",
                seed, probes.size(), millis, statuses);
        // whatever the fuzzing found, the server must still serve
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String homeAfter = "GET / after the fuzzing answered " + home.statusCode() + " " + home.body();
        if (!failures.isEmpty()) {
            Path every = writeEveryFailure(probes, answers, failures);
            fail(report(probes, answers, failures, statuses) + "\nEvery failed request: " + every.toAbsolutePath()
                    + "\n" + homeAfter);
        }
        assertEquals(200, home.statusCode(), homeAfter + " (seed " + seed + ")");
        assertEquals("Local Open MotoGP DB", home.body(), homeAfter + " (seed " + seed + ")");
    }

    // ---- what an answer must be ----

    /** Short descriptions of what is wrong with an answer; they group the failures, so they hold no request detail. */
    private static List<String> violations(Probe probe, Answer answer) {
        if (answer.problem() != null) {
            return List.of(answer.problem());
        }
        int status = answer.status();
        List<String> wrong = new ArrayList<>();
        if (status >= 500 && !probe.codec().contains(status)) {
            wrong.add("status " + status);
            return wrong;
        }
        if (probe.codec().contains(status)) {
            if (status != 501 && !probe.head() && !isJsonError(answer)) {
                wrong.add("codec's " + status + " without a JSON {\"error\"} body");
            }
            return wrong;
        }
        if (probe.codecCertain()) {
            wrong.add("status " + status + ", expected Vert.x's " + probe.codec());
            return wrong;
        }
        if (!probe.allowed().contains(status)) {
            wrong.add("status " + status + ", expected one of " + probe.allowed());
        }
        if (status >= 400 && status < 500 && !probe.head() && !isJsonError(answer)) {
            wrong.add("status " + status + " without a JSON {\"error\"} body");
        }
        if (status == 405 && !"GET, HEAD".equals(answer.headers().get("allow"))) {
            wrong.add("405 without Allow: GET, HEAD");
        }
        if (status == 200 && probe.kind() == Kind.DATA && "GET".equals(probe.method()) && !isJsonArray(answer)) {
            wrong.add("200 from a data endpoint that is not a JSON array");
        }
        if (status == 200 && probe.kind() == Kind.HOME && "GET".equals(probe.method())
                && !"Local Open MotoGP DB".equals(new String(answer.body(), UTF_8))) {
            wrong.add("200 from / that is not the home page");
        }
        return wrong;
    }

    private static boolean isJsonError(Answer answer) {
        if (!JSON_TYPE.equals(answer.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body != null && body.isObject() && body.path("error").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isJsonArray(Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return JSON_TYPE.equals(answer.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT))
                    && body != null && body.isArray();
        } catch (IOException e) {
            return false;
        }
    }

    private String report(List<Probe> probes, List<Answer> answers, Map<String, List<Integer>> failures,
                          Map<String, Integer> statuses) {
        StringBuilder text = new StringBuilder();
        int failed = failures.values().stream().flatMap(List::stream).collect(Collectors.toSet()).size();
        text.append(String.format("%d of %d fuzz requests were answered wrongly (seed %d; rerun with -Dfuzz.seed=%d,"
                + " one request with -Dfuzz.only=N); answers by status %s%n", failed, probes.size(), seed, seed, statuses));
        failures.forEach((violation, indexes) -> {
            text.append(String.format("%n== %s: %d request%s%n", violation, indexes.size(), indexes.size() == 1 ? "" : "s"));
            // the shortest requests first: the simplest way to see the problem
            indexes.stream().sorted(Comparator.comparingInt((Integer i) -> probes.get(i).bytes().length).thenComparing(i -> i))
                    .limit(answers.get(indexes.get(0)).problem() != null ? 6 : 3).forEach(i -> {
                        Answer answer = answers.get(i);
                        text.append(String.format("  #%d  %s%n      -> %s%n", probes.get(i).index(),
                                escape(probes.get(i).bytes(), 600),
                                answer.problem() != null ? answer.problem() + (answer.head().isEmpty() ? "" : ", got "
                                        + escape(answer.head().getBytes(ISO_8859_1), 200))
                                        : escape(answer.head().getBytes(ISO_8859_1), 200) + " "
                                        + escape(answer.body(), 200)));
                    });
        });
        return text.toString();
    }

    /** Every failed request in full, by group, to {@code target/api-fuzz-failures.txt}. */
    private Path writeEveryFailure(List<Probe> probes, List<Answer> answers, Map<String, List<Integer>> failures)
            throws IOException {
        StringBuilder text = new StringBuilder("ApiFuzzTest failures, seed " + seed + "\n");
        failures.forEach((violation, indexes) -> {
            text.append("\n== ").append(violation).append(": ").append(indexes.size()).append('\n');
            for (int i : indexes) {
                Answer answer = answers.get(i);
                text.append("  #").append(probes.get(i).index()).append("  ")
                        .append(escape(probes.get(i).bytes(), 100_000)).append("\n      -> ")
                        .append(answer.problem() != null ? answer.problem() + " " : "")
                        .append(escape(answer.head().getBytes(ISO_8859_1), 500)).append(' ')
                        .append(escape(answer.body(), 300)).append('\n');
            }
        });
        Path file = Path.of("target", "api-fuzz-failures.txt");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text.toString(), UTF_8);
    }

    // ---- sending ----

    private List<Answer> sendAll(List<Probe> probes) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Probe probe : probes) {
                futures.add(clients.submit(() -> send(probe)));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Writes the request's bytes and reads one whole HTTP/1.x answer (after any 1xx), however it is framed. */
    private Answer send(Probe probe) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(probe.bytes());
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it read everything (a 431, a 414): read what it said
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return new Answer(0, "", Map.of(), new byte[0], "connection closed without an answer");
                }
                if (head.startsWith(TIMEOUT)) {
                    return new Answer(0, head.substring(TIMEOUT.length()), Map.of(), new byte[0],
                            head.length() == TIMEOUT.length() ? "no answer within " + READ_TIMEOUT_MS / 1000 + " s"
                                    : "answer not finished within " + READ_TIMEOUT_MS / 1000 + " s");
                }
                if (head.startsWith(CLOSED)) {
                    return new Answer(0, head.substring(CLOSED.length()), Map.of(), new byte[0],
                            "connection closed in the middle of the answer");
                }
                // Vert.x's codec echoes the request's protocol, even "FOO/1.1", in the status line of its 501
                if (!head.matches("(?s)[A-Za-z]+/\\d+(\\.\\d+)? \\d{3}( [^\r\n]*)?\r\n.*")) {
                    return new Answer(0, head, Map.of(), new byte[0], "not an HTTP answer");
                }
                int space = head.indexOf(' ');
                int status = Integer.parseInt(head.substring(space + 1, space + 4));
                Map<String, String> headers = headers(head);
                if (status >= 100 && status < 200) {
                    continue; // 100 Continue before the answer
                }
                try {
                    byte[] body = body(in, probe, status, headers);
                    return new Answer(status, head.strip(), headers, body, null);
                } catch (SocketTimeoutException e) {
                    return new Answer(status, head.strip(), headers, new byte[0],
                            "answer not finished within " + READ_TIMEOUT_MS / 1000 + " s");
                } catch (IOException e) {
                    return new Answer(status, head.strip(), headers, new byte[0],
                            "connection closed in the middle of the answer");
                }
            }
        } catch (IOException e) {
            return new Answer(0, "", Map.of(), new byte[0], "connection failed: " + e);
        }
    }

    private static final String TIMEOUT = "<timeout>";
    private static final String CLOSED = "<closed>";

    /**
     * The status line and headers up to the empty line; null on a close before any byte; what came before a timeout
     * or a close after TIMEOUT or CLOSED.
     */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int last4 = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return head.size() == 0 ? null : CLOSED + head.toString(ISO_8859_1);
                }
                head.write(b);
                last4 = last4 << 8 | b;
                if (last4 == 0x0D0A0D0A || head.size() > 65_536) {
                    return head.toString(ISO_8859_1);
                }
            }
        } catch (SocketTimeoutException e) {
            return TIMEOUT + head.toString(ISO_8859_1);
        } catch (IOException e) {
            return head.size() == 0 ? null : CLOSED + head.toString(ISO_8859_1);
        }
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("HTTP/")) {
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static byte[] body(InputStream in, Probe probe, int status, Map<String, String> headers) throws IOException {
        if (probe.head() || status == 204 || status == 304) {
            return new byte[0];
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = readLine(in);
                int length = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (length == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(readExactly(in, length));
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        if (length != null) {
            return readExactly(in, Integer.parseInt(length));
        }
        return in.readAllBytes(); // delimited by the end of the connection
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (b < 0) {
            throw new IOException("end of stream in a chunked body");
        }
        return line.toString();
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("end of stream after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    // ---- the requests ----

    /** Builds one request from its own Random: which parts are odd, and so which answers it may get. */
    private final class Generator {

        private final Random random;
        private final int index;
        private final Set<Integer> codec = new LinkedHashSet<>();
        private boolean codecCertain;
        private boolean oddHost;
        private boolean unmetExpectation;

        Generator(Random random, int index) {
            this.random = random;
            this.index = index;
        }

        Probe probe() {
            String method = method();
            boolean validMethod = !method.isEmpty() && method.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0));
            if (!validMethod) {
                codecRefuses(400);
            }
            String version = version();
            Kind kind;
            String endpoint = null;
            String path;
            int pick = random.nextInt(100);
            if (pick < 62) {
                kind = Kind.DATA;
                endpoint = pick(List.copyOf(ENDPOINTS.keySet()));
                path = dataPath(endpoint);
            } else if (pick < 70) {
                kind = Kind.HOME;
                path = random.nextInt(5) == 0 ? "http://" + host + ":" + port + "/" : "/";
            } else if (pick < 88) {
                kind = Kind.UNKNOWN;
                path = unknownPath();
            } else if (pick < 91) {
                kind = Kind.OBSERVE;
                path = pick(List.of("/observe/health", "/observe/info", "/observe/metrics", "/observe/nope"));
            } else if (pick < 95) {
                kind = Kind.BAD_PATH_ESCAPE;
                path = pick(List.of("/ev%G1ents", "/events%", "/seasons%2", "/%", "/%zz", "/sessions%E", "/%%",
                        "/classification%u0041"));
            } else {
                kind = Kind.NOT_A_PATH;
                path = pick(List.of("*", "seasons", "events", "http:/seasons", "", "seasons/", "127.0.0.1:1"));
            }
            String target = path + (kind == Kind.DATA || random.nextInt(4) == 0 ? query(endpoint) : "");
            if (target.isEmpty()) {
                target = "?season_id=1";
            }
            if (random.nextInt(200) == 0) {
                target += " junk"; // a space inside the target: not HTTP
                codecRefuses(400, 501);
            }
            String requestLine = method + " " + target + " " + version;
            if (requestLine.length() > MAX_INITIAL_LINE + LIMIT_SLACK) {
                codec.clear();
                codecRefuses(414);
            } else if (requestLine.length() > MAX_INITIAL_LINE - LIMIT_SLACK) {
                codec.add(414); // near the limit: either
            }

            List<String[]> headers = headers(version);
            byte[] body = body(headers);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            int headerBytes = 0;
            for (String[] header : headers) {
                String line = header[0] + ": " + header[1];
                request.append(line).append("\r\n");
                headerBytes += line.length() + 2;
            }
            request.append("\r\n");
            if (requestLine.length() <= MAX_INITIAL_LINE + LIMIT_SLACK) {
                if (headerBytes > MAX_HEADER_SIZE + LIMIT_SLACK) {
                    codecRefuses(431);
                } else if (headerBytes > MAX_HEADER_SIZE - LIMIT_SLACK) {
                    codec.add(431);
                }
            }
            byte[] head = request.toString().getBytes(ISO_8859_1);
            byte[] bytes = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, bytes, head.length, body.length);
            return new Probe(index, bytes, method, validMethod, kind, allowed(kind, method), Set.copyOf(codec), codecCertain);
        }

        private void codecRefuses(Integer... statuses) {
            codec.addAll(List.of(statuses));
            codecCertain = true;
        }

        /** The statuses a routed request may get, by what it names and its method. */
        private Set<Integer> allowed(Kind kind, String method) {
            boolean get = "GET".equals(method) || "HEAD".equals(method);
            Set<Integer> allowed = new HashSet<>(switch (kind) {
                case DATA, HOME -> get ? Set.of(200, 400) : Set.of(405, 400);
                case UNKNOWN -> Set.of(404, 400);
                case OBSERVE -> Set.of(200, 404, 405, 400);
                case BAD_PATH_ESCAPE -> Set.of(400);
                case NOT_A_PATH -> Set.of(400, 404);
            });
            if (oddHost) {
                allowed.add(400);
            }
            if (unmetExpectation) {
                allowed.add(417);
            }
            return allowed;
        }

        private String method() {
            int pick = random.nextInt(100);
            if (pick < 58) {
                return "GET";
            }
            if (pick < 84) {
                return pick(List.of("HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"));
            }
            if (pick < 96) {
                return pick(List.of("get", "Get", "FOO", "PROPFIND", "M-SEARCH", "TRACE", "CONNECT", "BREW", "GET_",
                        "X".repeat(1 + random.nextInt(60)), "G.E.T", "PRI2", "MKCOL", "QUERY"));
            }
            return pick(List.of("G@T", "G\u00c9T", "", "GET(", "{}", "GE\"T", "G,T"));
        }

        private String version() {
            int pick = random.nextInt(100);
            if (pick < 92) {
                return "HTTP/1.1";
            }
            if (pick < 98) {
                return "HTTP/1.0";
            }
            codecRefuses(400, 501);
            return pick(List.of("HTTP/1.2", "HTTP/2.0", "http/1.1", "HTTP/9.9", "FOO/1.1", "HTTP/1", "HTTP/0.9"));
        }

        /** The endpoint's path, sometimes spelled in another way that Vert.x normalizes to it. */
        private String dataPath(String endpoint) {
            return switch (random.nextInt(20)) {
                case 0 -> endpoint + "/";
                case 1 -> "/" + endpoint;
                case 2 -> "/." + endpoint;
                case 3 -> "/x/.." + endpoint;
                case 4 -> {
                    int at = 1 + random.nextInt(endpoint.length() - 1);
                    yield endpoint.substring(0, at) + String.format(random.nextBoolean() ? "%%%02X" : "%%%02x",
                            (int) endpoint.charAt(at)) + endpoint.substring(at + 1);
                }
                case 5 -> "http://" + host + ":" + port + endpoint;
                default -> endpoint;
            };
        }

        private String unknownPath() {
            return switch (random.nextInt(4)) {
                case 0 -> "/zz-" + text(1 + random.nextInt(30), false);
                case 1 -> "/zz/" + "a".repeat(random.nextInt(10) == 0 ? 5_000 : 1 + random.nextInt(3_000));
                default -> pick(List.of("/nope", "/SEASONS", "/Events", "/season", "/seasons/1", "/events/x",
                        "/api/seasons", "/seasons.json", "/favicon.ico", "/.env", "/admin", "/classification/session_id",
                        "/%C3%28", "/%FF", "/%E2%9C%93", "/%00", "/seasons%2F", "/events;season_id=1", "/seasons;x",
                        "/\u00ffseasons", "/ev\u0000ents", "/sessions%00", "/events%3Fseason_id=1",
                        "/seasons%20", "/seasons.", "/seasons~"));
            };
        }

        /** A query string: usually the endpoint's parameters, with odd values, names and shapes. */
        private String query(String endpoint) {
            int shape = random.nextInt(25);
            if (shape == 0) {
                return "";
            }
            if (shape == 1) {
                return "?";
            }
            if (shape == 2) {
                return "??" + param("season_id");
            }
            List<String> required = endpoint == null ? List.of() : ENDPOINTS.get(endpoint);
            List<String> parts = new ArrayList<>();
            for (String name : required) {
                if (random.nextInt(10) < 8) {
                    parts.add(param(name));
                }
            }
            int extra = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(random.nextInt(25) == 0 ? 300 : 4);
            for (int i = 0; i < extra; i++) {
                parts.add(param(name(required)));
            }
            Collections.shuffle(parts, random);
            String separator = random.nextInt(15) == 0 ? pick(List.of("&&", ";", "&amp;", "&&&")) : "&";
            return "?" + String.join(separator, parts) + (random.nextInt(20) == 0 ? "&" : "")
                    + (random.nextInt(60) == 0 ? "#fragment" : "");
        }

        private String name(List<String> required) {
            int pick = random.nextInt(10);
            if (pick < 4 && !required.isEmpty()) {
                return pick(required); // given again
            }
            if (pick < 6) {
                return pick(PARAM_NAMES);
            }
            return pick(List.of("id", "SEASON_ID", "Season_Id", "season_id[]", "season%5Fid", "season_id%00",
                    "%73eason_id", "season%20id", "season+id", "", "x", text(1 + random.nextInt(12), true), "%G1", "%",
                    "%FF", "n".repeat(300), "callback", "_method", "format"));
        }

        private String param(String name) {
            String value = value(name);
            return switch (random.nextInt(20)) {
                case 0 -> name;
                case 1 -> name + "=";
                case 2 -> "=" + value;
                case 3 -> name + "=" + value + "=" + value;
                default -> name + "=" + value;
            };
        }

        /** A value as written in the query string: real ids, hostile strings, and escapes good and broken. */
        private String value(String name) {
            return switch (random.nextInt(20)) {
                case 0, 1, 2, 3 -> URLEncoder.encode(realId(name), UTF_8);
                case 4 -> text(1 + random.nextInt(40), true);
                case 5 -> pick(List.of("-1", "0", "1", "99999999999999999999", "1e309", "NaN", "0x1F", "1.5", "-0",
                        "true", "null", "undefined"));
                case 6 -> pick(List.of("'", "\"", "''", "%22", "%27", "\"'\"", "`", "\\", "%5C", "'%3B"));
                case 7 -> pick(List.of("'%20OR%201=1%20--", "'+OR+1=1+--", "%27%20OR%201%3D1%20--", "1;DROP+TABLE+seasons",
                        "%27%20OR%20%271%27%3D%271", "1'%20UNION%20SELECT%20*%20FROM%20seasons--", "${jndi:ldap://x/a}",
                        "${header.Host}", "${body}", "{{7*7}}", "%3Cscript%3E", "<script>", "$(id)", "..%2F..%2Fetc%2Fpasswd",
                        "../../etc/passwd", "%0D%0AX-Injected:%201", "*", "?", "%2A", "[]", "{}", "%5B%5D", "a[b]=c"));
                case 8 -> pick(List.of("%00", "a%00b", "%C3%28", "%FF", "%FE%FF", "%E2%9C%93", "%F0%9F%8F%8D",
                        "%F0%28%8C%28", "%ED%A0%80", "%C0%AF", "%25", "%2B", "+", "%20", "%7F", "%1F", "%E5%B0%8F%E6%9E%97",
                        "%c3%a9", "%EF%BB%BF"));
                case 9 -> pick(List.of("%G1", "%", "%2", "%%", "%u0041", "%ZZ", "a%", "%C3%", "%%%", "100%", "%-1",
                        "%+1", "%\u00ff1"));
                case 10 -> random.nextBoolean() ? text(1 + random.nextInt(10), false)
                        : pick(List.of("\"'<>{}|\\^`", "\u00c3\u00a9", "\u00ff\u00fe", "\u00c3\u0028", "\u00e9t\u00e9"));
                case 11 -> "";
                case 12 -> pick(List.of("x".repeat(257), "%41".repeat(100 + random.nextInt(200)), "9".repeat(300)));
                case 13 -> text(1_000 + random.nextInt(2_500), true);
                case 14 -> random.nextBoolean() ? "x".repeat(10 * 1024) : text(10 * 1024, true);
                case 15 -> "%FF".repeat(1 + random.nextInt(1_300));
                case 16 -> URLEncoder.encode(realId(name), UTF_8) + pick(List.of("'%20OR%201=1%20--", "%00", "%FF", "%",
                        "x", "%20"));
                case 17 -> pick(List.of("\u0000", "a\u0000b", "\u001b[31m", "\u007f", "\u0001"));
                default -> mix(1 + random.nextInt(30));
            };
        }

        /** An id the server knows, usually of this parameter. */
        private String realId(String name) {
            List<String> known = ids.get(name);
            if (known == null || known.isEmpty() || random.nextInt(6) == 0) {
                known = ids.get(pick(List.copyOf(ids.keySet())));
            }
            return pick(known);
        }

        /** Random letters and digits, or (not alphanumeric) any byte a request line can hold raw. */
        private String text(int length, boolean alphanumeric) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                if (alphanumeric) {
                    text.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(random.nextInt(62)));
                } else {
                    // no space, tab, CR, LF, '/', '.', '?', '#': those change the request line's shape
                    char c;
                    do {
                        c = (char) (random.nextBoolean() ? 33 + random.nextInt(94) : 128 + random.nextInt(128));
                    } while ("/.?#%".indexOf(c) >= 0);
                    text.append(c);
                }
            }
            return text.toString();
        }

        /** Printable characters and percent-escapes, good and broken, mixed. */
        private String mix(int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append(String.format("%%%02X", random.nextInt(256)));
                    case 1 -> text.append('%').append("0123456789abcdefXYZ%".charAt(random.nextInt(20)));
                    case 2 -> text.append((char) (128 + random.nextInt(128)));
                    default -> {
                        char c;
                        do {
                            c = (char) (33 + random.nextInt(94));
                        } while (c == '#');
                        text.append(c);
                    }
                }
            }
            return text.toString();
        }

        // ---- headers and body ----

        private List<String[]> headers(String version) {
            List<String[]> headers = new ArrayList<>();
            int hostPick = random.nextInt(100);
            if (hostPick < 95) {
                headers.add(new String[] {"Host", host + ":" + port});
            } else if (hostPick < 97) {
                oddHost = "HTTP/1.1".equals(version); // HTTP/1.1 needs a Host
            } else {
                oddHost = true;
                headers.add(new String[] {"Host", pick(List.of("", "a b", "x:99999", "x:abc", "[::1", "x/y", "x?y",
                        "\u00ff", "localhost", "[::1]:80", "h".repeat(300), "x:-1", "x@y", "a%41b", "%zz", "x%",
                        "[%]", "x:%31"))});
                if (random.nextInt(4) == 0) {
                    headers.add(new String[] {"Host", "other"});
                }
            }
            int connection = random.nextInt(10);
            if (connection < 8) {
                headers.add(new String[] {"Connection", "close"});
            } else if (connection == 8) {
                headers.add(new String[] {"Connection", pick(List.of("keep-alive", "Keep-Alive, foo", "xyz", ""))});
            }
            int extra = random.nextInt(10) < 5 ? 0 : 1 + random.nextInt(6);
            for (int i = 0; i < extra; i++) {
                headers.add(header());
            }
            if (random.nextInt(40) == 0) {
                // a header Vert.x's codec cannot parse
                codecRefuses(400);
                headers.add(random.nextBoolean()
                        ? new String[] {pick(List.of("Bad Header", "X(y)", "X-\u00e9", "X-A ", "X[y]")), "1"}
                        : new String[] {"X-Fuzz", pick(List.of("a\u0001b", "a\u0000b", "\u007f", "a\u000bb"))});
            }
            if (random.nextInt(60) == 0) {
                headers.add(new String[] {"X-Big", "b".repeat(MAX_HEADER_SIZE + random.nextInt(4_000))});
            }
            return headers;
        }

        private String[] header() {
            return switch (random.nextInt(24)) {
                case 0 -> new String[] {"Accept", pick(List.of("*/*", "application/json", "text/html", "application/xml",
                        "", "*/*;q=abc", "application/json;q=0, */*;q=0", "\u00ff", "a".repeat(1_000), "text/*;;;"))};
                case 1 -> new String[] {"Accept-Encoding", pick(List.of("gzip", "br", "deflate", "identity;q=0", "*;q=0",
                        "x", "gzip, deflate, br, zstd"))};
                case 2 -> new String[] {pick(List.of("Accept-Language", "Accept-Charset")), headerValue()};
                case 3 -> new String[] {pick(List.of("season_id", "event_id", "Session_Id", "CATEGORY_ID")),
                        random.nextBoolean() ? realId("season_id") : headerValue()};
                case 4, 5 -> new String[] {"X-Fuzz-" + text(1 + random.nextInt(8), true), headerValue()};
                case 6 -> new String[] {"Cookie", pick(List.of("a=b; %%%", "season_id=1", "=;=;=", "c".repeat(2_000)))};
                case 7 -> new String[] {"Range", pick(List.of("bytes=0-10", "bytes=-1", "bytes=abc", "bytes=0-0,1-1,2-2",
                        "bytes=99999999999999999999-"))};
                case 8 -> new String[] {pick(List.of("If-None-Match", "If-Modified-Since", "If-Match")),
                        pick(List.of("*", "\"x\"", "W/\"x\"", "yesterday", "Thu, 01 Jan 1970 00:00:00 GMT"))};
                case 9 -> new String[] {pick(List.of("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
                        "Forwarded", "X-Real-IP")), pick(List.of("::::", "for=\"[zz\"", "a:b:c", "https", "999.1.1.1",
                        "for=1.2.3.4;proto=gopher;host=%zz"))};
                case 10 -> new String[] {"Authorization", pick(List.of("Basic !!!", "Bearer " + "t".repeat(500),
                        "Digest", ""))};
                case 11 -> new String[] {pick(List.of("Origin", "Access-Control-Request-Method",
                        "Access-Control-Request-Headers")), pick(List.of("http://evil.example", "null", "DELETE", "*"))};
                case 12 -> new String[] {"User-Agent", random.nextBoolean() ? "fuzz/1.0" : headerValue()};
                case 13 -> new String[] {"Content-Type", pick(CONTENT_TYPES)};
                case 14 -> new String[] {"Content-Encoding", pick(List.of("gzip", "br", "x"))};
                case 15 -> new String[] {pick(List.of("Cache-Control", "Pragma", "TE", "Via", "Max-Forwards")),
                        pick(List.of("no-cache", "trailers", "1.1 x", "-1", "abc"))};
                case 16 -> new String[] {"Upgrade", pick(List.of("websocket", "foo/1", "HTTP/2.0", "h2c"))};
                case 17 -> new String[] {pick(List.of("X-HTTP-Method-Override", "X-Method-Override")),
                        pick(List.of("DELETE", "PUT", "GET"))};
                case 18 -> new String[] {pick(List.of("CamelHttpResponseCode", "CamelHttpMethod", "CamelHttpUri",
                        "CamelHttpPath", "CamelHttpQuery", "CamelHttpRawQuery", "Content-Length-Override",
                        "Exchange.HTTP_RESPONSE_CODE")), pick(List.of("500", "POST", "/nope", "season_id=1", "x"))};
                case 19 -> {
                    unmetExpectation = true; // 417 Expectation Failed is then the right answer
                    yield new String[] {"Expect", pick(List.of("foo", "200-ok"))};
                }
                case 20 -> new String[] {"X-Long-" + random.nextInt(100), text(1_000 + random.nextInt(2_000), true)};
                case 21 -> new String[] {"Referer", pick(List.of("http://x/%zz", "\u00ff\u00fe", "javascript:alert(1)"))};
                case 22 -> new String[] {"Accept", JSON_TYPE};
                default -> new String[] {text(1 + random.nextInt(10), true), headerValue()};
            };
        }

        /** A header value: printable ASCII and bytes 0x80-0xFF, no control characters. */
        private String headerValue() {
            return switch (random.nextInt(5)) {
                case 0 -> pick(List.of("' OR 1=1 --", "\"", "%00", "%C3%28", "%FF", "%G1", "%", "${body}", "", " ",
                        "a\tb"));
                case 1 -> text(1 + random.nextInt(20), false);
                default -> text(1 + random.nextInt(40), true);
            };
        }

        /** Sometimes a body, with a Content-Length or chunked, whatever the method. */
        private byte[] body(List<String[]> headers) {
            if (random.nextInt(100) >= 15) {
                return new byte[0];
            }
            String body = switch (random.nextInt(7)) {
                case 0 -> "{}";
                case 1 -> "season_id=" + realId("season_id");
                case 2 -> "%=%G1&&=";
                case 3 -> "--x\r\nContent-Disposition: form-data; name=\"season_id\"\r\n\r\n1\r\n--x--\r\n";
                case 4 -> text(random.nextInt(2_000), false);
                case 5 -> "";
                default -> "{\"season_id\": \"" + realId("season_id") + "\"}";
            };
            if (headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type")) && random.nextInt(4) > 0) {
                headers.add(new String[] {"Content-Type", pick(CONTENT_TYPES)});
            }
            if (random.nextInt(10) == 0) {
                headers.add(new String[] {"Expect", "100-continue"});
            }
            if (random.nextInt(5) == 0) {
                headers.add(new String[] {"Transfer-Encoding", "chunked"});
                StringBuilder chunked = new StringBuilder();
                if (!body.isEmpty()) {
                    chunked.append(Integer.toHexString(body.length())).append("\r\n").append(body).append("\r\n");
                }
                return chunked.append("0\r\n\r\n").toString().getBytes(ISO_8859_1);
            }
            headers.add(new String[] {"Content-Length", String.valueOf(body.length())});
            return body.getBytes(ISO_8859_1);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "multipart/form-data",
            "application/octet-stream", "", ";;;", "text/plain; charset=nope", "application/xml",
            "APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8");

    // ---- setup ----

    private static Map<String, List<String>> endpoints() {
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("/seasons", List.of());
        endpoints.put("/events", List.of("season_id"));
        endpoints.put("/categories", List.of("event_id"));
        endpoints.put("/sessions", List.of("event_id", "category_id"));
        endpoints.put("/classification", List.of("session_id"));
        return Collections.unmodifiableMap(endpoints);
    }

    /** A few real ids of each kind, walked down from /seasons in the server's order, so the same for the same seeds. */
    private void readIds() throws Exception {
        List<String> seasons = field(getJson("/seasons"), "id");
        List<String> events = new ArrayList<>();
        for (String season : seasons.subList(Math.max(0, seasons.size() - 3), seasons.size())) {
            events.addAll(field(getJson("/events?season_id=" + URLEncoder.encode(season, UTF_8)), "id"));
        }
        List<String> categories = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (String event : events.subList(0, Math.min(events.size(), 5))) {
            for (String category : field(getJson("/categories?event_id=" + URLEncoder.encode(event, UTF_8)), "id")) {
                categories.add(category);
                sessions.addAll(field(getJson("/sessions?event_id=" + URLEncoder.encode(event, UTF_8)
                        + "&category_id=" + URLEncoder.encode(category, UTF_8)), "id"));
            }
        }
        ids.put("season_id", seasons);
        ids.put("event_id", events);
        ids.put("category_id", categories);
        ids.put("session_id", sessions);
        ids.values().forEach(list -> assertFalse(list.isEmpty(), "no ids to fuzz with: " + ids));
    }

    private JsonNode getJson(String pathAndQuery) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
                + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), pathAndQuery);
        JsonNode rows = JSON.readTree(response.body());
        assertTrue(rows.isArray(), pathAndQuery);
        return rows;
    }

    private static List<String> field(JsonNode rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.path(name).asText()));
        return values;
    }

    private static long longProperty(String name, long otherwise) {
        String value = System.getProperty(name, "").strip();
        return value.isEmpty() ? otherwise : Long.decode(value);
    }

    /** The bytes as Java would write them: printable ASCII as is, others escaped, long runs shortened. */
    private static String escape(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length && text.length() < max; i++) {
            int run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            String one = escape(bytes[i] & 0xFF);
            if (run > 12) {
                text.append(one).append("{x").append(run).append('}');
                i += run - 1;
            } else {
                text.append(one);
            }
        }
        if (text.length() >= max) {
            text.append("... (").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }

    private static String escape(int b) {
        return switch (b) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("\\x%02X", b);
        };
    }
}

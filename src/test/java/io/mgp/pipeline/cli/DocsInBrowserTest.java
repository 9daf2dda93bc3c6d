package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mgp.pipeline.ChangedSeeds;
import io.mgp.pipeline.TestRuns;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.docs.DocsSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The docs site as a person uses it, in Debian's Chromium, headless: a lake built by a good run and then a run whose
 * data fails a test, its site opened from the file system and from the API's server. Without Chromium and
 * ChromeDriver the tests are skipped; with {@code MGP_REQUIRE_BROWSER} set (CI) they fail instead.
 */
class DocsInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "docs-graph.png");

    @TempDir
    static Path lake;

    @TempDir
    static Path badSeeds;

    private static CamelApp server;
    private static ChromeDriver browser;

    @BeforeAll
    static void buildLakeAndOpenBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "no " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver";
            if (System.getenv("MGP_REQUIRE_BROWSER") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        Path seeds = TestSeeds.small();
        TestRuns.run(seeds, lake);
        TestRuns.run(ChangedSeeds.withBadData(seeds, badSeeds, -5), lake);
        server = CamelApp.api(Map.of("mgp.seeds", seeds.toString(), "mgp.port", "0", "mgp.lake", lake.toString())).start();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
    }

    @AfterAll
    static void closeBrowserAndServer() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theGraphHasOneNodePerEndpointRouteSourceAndModelAndThePageNoScriptError() throws Exception {
        open(fileUrl(""));
        List<String> nodes = strings("return mgpDocs.cy.nodes().map(n => n.data('label'))");
        assertEquals(21, nodes.size(), nodes.toString());
        for (String node : List.of("GET /seasons", "GET /classification", "crawl", "fetch-classification", "bronze.sessions",
                "silver.events", "gold.mgp")) {
            assertTrue(nodes.contains(node), node + " in " + nodes);
        }
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.findElement(By.id("graph")).getScreenshotAs(OutputType.BYTES));
        System.out.printf("docs graph interactive %.0f ms after navigation started (screenshot: %s)%n",
                ((Number) script("return mgpDocs.readyMs")).doubleValue(), SCREENSHOT);
        assertTrue(((String) script("return mgpDocs.cy.png({full: true})")).startsWith("data:image/png;base64,"), "the graph exports as PNG");
        assertNoScriptErrors();
    }

    @Test
    void aSelectionShowsANodeWithItsAncestorsOrItsDescendantsOnly() {
        open(fileUrl(""));
        assertEquals(Set.of("api:/events", "crawl:crawl-season", "bronze.events", "silver.events"), select("+silver.events"));
        assertEquals(Set.of("silver.events", "gold.mgp"), select("silver.events+"));
        Set<String> gold = select("+gold.mgp");
        assertEquals(21, gold.size(), "everything flows into gold: " + gold);
        assertEquals(Set.of("bronze.sessions"), select("bronze.sessions"));
        assertEquals(Set.of("api:/events", "bronze.events", "silver.events"), select("events"));

        open(fileUrl("#select=%2Bsilver.events"));
        assertEquals(Set.of("api:/events", "crawl:crawl-season", "bronze.events", "silver.events"), visible(), "a selection in the address");
        browser.findElement(By.cssSelector("nav a[data-id='gold.mgp']")).click();
        assertTrue(browser.getCurrentUrl().endsWith("#node=gold.mgp&select=%2Bsilver.events"), "the selection stays in the address: "
                + browser.getCurrentUrl());
        assertEquals(4, visible().size());
        open(fileUrl("#node=nope"));
        assertTrue(browser.findElement(By.id("page")).getText().startsWith("No node nope in this site."));
    }

    @Test
    void clickingAColumnHighlightsWhereItComesFromAndGoesTo() {
        open(fileUrl("#node=gold.mgp"));
        browser.findElement(By.cssSelector("tr[data-column='event_short_name'] a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(page -> !page.findElements(By.id("direct-upstream")).isEmpty());
        assertEquals("silver.events · sname", browser.findElement(By.id("direct-upstream")).getText());
        String upstream = browser.findElement(By.id("upstream")).getText();
        assertTrue(upstream.contains("GET /events · sname") && upstream.contains("GET /events · short_name"), upstream);
        assertTrue(upstream.startsWith("silver.events · sname") && upstream.indexOf("bronze.events") < upstream.indexOf("GET /events"),
                "nearest first: " + upstream);
        assertEquals(Set.of("api:/events", "crawl:crawl-season", "bronze.events", "silver.events", "gold.mgp"),
                new TreeSet<>(strings("return mgpDocs.cy.$('node.lineage').map(n => n.id())")));
    }

    @Test
    void aFailingTestShowsOnItsModelsPageWithItsFailingRowsAndWhereTheyAreKept() {
        open(fileUrl("#node=silver.classifications"));
        WebElement row = browser.findElements(By.cssSelector("tr.test")).stream()
                .filter(test -> test.getText().startsWith("accepted_range_silver_classifications_points")).findFirst().orElseThrow();
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals("error", cells.get(4), cells.toString());
        assertEquals("1", cells.get(5), cells.toString());
        assertTrue(cells.get(6).contains("accepted_range_silver_classifications_points.parquet"), cells.toString());
        Path linked = Path.of(URI.create(row.findElement(By.tagName("a")).getAttribute("href")));
        assertTrue(Files.isRegularFile(linked) && linked.startsWith(lake.resolve("quality")), "the stored rows' file is linked: " + linked);
    }

    @Test
    void searchFindsAColumnByItsDescription() {
        open(fileUrl(""));
        browser.findElement(By.id("search")).sendKeys("short name");
        String results = browser.findElement(By.id("results")).getText();
        assertTrue(results.contains("gold.mgp · event_short_name"), results);
    }

    @Test
    void theApisServerServesTheSiteAtDocsAndTheFailingRowsItLinksTo() throws Exception {
        String docs = server.apiAddress() + "/docs";
        HttpResponse<String> redirect = get(docs, "GET");
        assertEquals(302, redirect.statusCode());
        assertEquals("/docs/", redirect.headers().firstValue("location").orElse(""));
        assertEquals(200, get(docs + "/", "HEAD").statusCode());
        open(docs + "/#node=silver.classifications");
        assertEquals(21L, script("return mgpDocs.cy.nodes().length"));
        String stored = browser.findElements(By.cssSelector("tr.test a")).get(0).getAttribute("href");
        assertTrue(stored.startsWith(server.apiAddress() + "/quality/"), stored);
        HttpResponse<String> rows = get(stored, "GET");
        assertEquals(200, rows.statusCode());
        assertEquals("application/vnd.apache.parquet", rows.headers().firstValue("content-type").orElse(""));
        HttpResponse<String> missing = get(stored.replaceFirst("\\.parquet$", "_gone.parquet"), "GET");
        assertEquals(404, missing.statusCode());
        assertTrue(!missing.headers().firstValue("content-type").orElse("").contains("parquet"), missing.headers().toString());
        assertNoScriptErrors();
    }

    @Test
    void aLakeWithoutDocsYetAnswersAJsonNotFoundSayingHowToWriteThem(@TempDir Path empty) throws Exception {
        try (CamelApp other = CamelApp.api(Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.port", "0", "mgp.lake", empty.toString()))
                .start()) {
            HttpResponse<String> answer = get(other.apiAddress() + "/docs/", "GET");
            assertEquals(404, answer.statusCode());
            assertEquals("{\"error\":\"no docs in " + empty.resolve("docs") + " yet: 'docs --lake " + empty + "' writes them\"}",
                    answer.body());
        }
    }

    private static HttpResponse<String> get(String url, String method) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String fileUrl(String fragment) {
        return DocsSite.folder(lake).resolve("index.html").toUri() + fragment;
    }

    private static void assertNoScriptErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors);
    }

    /** Opens the page afresh, with the browser's log emptied of earlier pages' lines. */
    private static void open(String url) {
        browser.get("about:blank");
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> Boolean.TRUE.equals(script("return !!window.mgpDocs")));
    }

    private static Set<String> select(String selector) {
        WebElement input = browser.findElement(By.id("select"));
        input.clear();
        input.sendKeys(selector);
        browser.findElement(By.cssSelector("#selection button[type=submit]")).click();
        return visible();
    }

    private static Set<String> visible() {
        return new TreeSet<>(strings("return mgpDocs.cy.nodes().not('.hidden').map(n => n.id())"));
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String script) {
        return (List<String>) script(script);
    }
}

package io.mgp.pipeline.cli;

import java.util.List;
import java.util.stream.Collectors;

/** The halves of the application a command starts: the emulated API, the crawling client, or both. */
enum Part {
    API("api.yaml", "api-errors.yaml"),
    CLIENT("crawl.yaml", "crawl-retries.yaml", "tasks.yaml", "lake.yaml", "docs.yaml", "run.yaml");

    private final List<String> routeFiles;

    Part(String... routeFiles) {
        this.routeFiles = List.of(routeFiles);
    }

    /**
     * The route files of this part, as a Camel routes-include-pattern. Named one by one: a wildcard makes
     * Camel read the whole application jar (DuckDB's native libraries included) at every start.
     */
    String routes() {
        return routeFiles.stream().map(f -> "classpath:routes/" + f).collect(Collectors.joining(","));
    }
}

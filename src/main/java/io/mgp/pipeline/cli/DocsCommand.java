package io.mgp.pipeline.cli;

import io.mgp.pipeline.docs.DocsSite;
import io.mgp.pipeline.docs.FlowRoutes;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.TableVersion;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.launch.JvmLauncher;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.Node;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the lake's docs site: the API's endpoints, the crawl's routes, the bronze sources and the models,"
                + " with their columns, column lineage, data tests and last results, and table versions. Open its index.html,"
                + " or /docs while serve runs.")
final class DocsCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ExistingLake lake;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the site to (default: <lake>/docs).")
    String out;

    @Option(names = "--project", paramLabel = "DIR",
            description = "A folder with models/ and tests/ to document instead of the built-in models.")
    String project;

    @Override
    public Integer call() {
        Lake opened = lake.open();
        // Logging set up here first: two threads starting it at once make SLF4J warn that it replays their calls.
        LoggerFactory.getILoggerFactory();
        // Camel reads the route files while the project and the tables are read
        CompletableFuture<FlowRoutes> flow = CompletableFuture.supplyAsync(() -> FlowRoutes.load(DocsSite.ROUTE_FILES));
        Catalog catalog = Project.catalog(project != null ? project : Settings.get("mgp.project"));
        Path folder = out != null ? Path.of(out) : DocsSite.folder(opened.root());
        // a lake without Iceberg tables yet has no versions to show, and docs create no catalog
        IcebergTables tables = ExistingLake.hasCatalog(opened)
                ? ExistingLake.tables(opened, "docs").loadInBackground() : null;
        DocsSite.Written written;
        try {
            // the lineage, in DuckDB, while Iceberg's catalog opens on its own thread
            catalog.lineage();
            Function<Node, List<TableVersion>> history = tables == null ? node -> List.of() : node -> tables.history(node.layer(), node.name());
            written = DocsSite.write(opened, catalog, history, join(flow), folder);
        } finally {
            if (tables != null) {
                tables.close();
            }
        }
        PrintWriter console = command.commandLine().getOut();
        console.printf("Docs of %s written in %.2f s (JVM start included): %d nodes, %d edges%n", opened, JvmLauncher.sinceLaunch().toMillis() / 1000.0,
                written.nodes(), written.edges());
        console.printf("  Open       %s%n", written.folder().resolve("index.html"));
        if (folder.toAbsolutePath().equals(DocsSite.folder(opened.root()).toAbsolutePath())) {
            // serve serves the lake's own site only
            console.printf("  Or         %s%n", DocsAddress.whileServing(opened.root()));
        }
        console.flush();
        return 0;
    }

    private static FlowRoutes join(CompletableFuture<FlowRoutes> flow) {
        try {
            return flow.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

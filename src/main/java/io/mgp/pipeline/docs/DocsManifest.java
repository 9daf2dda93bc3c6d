package io.mgp.pipeline.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.mgp.pipeline.lake.TableVersion;
import io.mgp.pipeline.lineage.UpstreamColumn;
import io.mgp.pipeline.models.CatalogLineage;
import io.mgp.pipeline.models.Column;
import io.mgp.pipeline.models.DataTest;
import io.mgp.pipeline.models.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the docs site shows, as one JSON-ready tree: every node of the flow (the API's endpoints, the crawl's routes,
 * the bronze sources, the models) with its columns and their lineage, tests and last results, table versions and
 * place in the graph; and the edges between them. A column's lineage is the list of the columns it is computed from,
 * one step up, as {@code <node id>::<column>}: a bronze column's, the field of the endpoint's answers or the crawl
 * route's context it comes from.
 */
final class DocsManifest {

    static final String SEPARATOR = "::";
    private static final String MAIN = "main";
    /** The type of an endpoint's columns: fields of its JSON answers. */
    private static final String ANSWER_FIELD = "json";

    private final DocsInputs in;
    private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> ranks = new LinkedHashMap<>();
    private final List<String[]> edges = new ArrayList<>();
    private final Set<String> edgeNames = new HashSet<>();

    private DocsManifest(DocsInputs in) {
        this.in = in;
    }

    /** The site's data: {@code nodes} by id, {@code edges}, and {@code metadata}. */
    static Map<String, Object> of(DocsInputs in) {
        return new DocsManifest(in).build();
    }

    static String endpointId(String path) {
        return "api:" + path;
    }

    static String routeId(String route) {
        return "crawl:" + route;
    }

    private Map<String, Object> build() {
        in.flow().endpoints().forEach(this::endpoint);
        in.flow().crawlRoutes().forEach(this::route);
        in.catalog().nodes().forEach(this::table);
        edges.removeIf(edge -> !nodes.containsKey(edge[0]) || !nodes.containsKey(edge[1]));
        LayeredLayout.place(ranks, edges).forEach((id, at) -> nodes.get(id).put("position", Map.of("x", at.x(), "y", at.y())));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("metadata", in.metadata());
        tree.put("nodes", nodes);
        tree.put("edges", edges.stream().map(edge -> Map.of("source", edge[0], "target", edge[1])).toList());
        return tree;
    }

    private Map<String, Object> node(String id, String kind, String layer, String label, String description, int rank) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("kind", kind);
        node.put("layer", layer);
        node.put("label", label);
        node.put("description", description);
        node.put("columns", new ArrayList<Map<String, Object>>());
        nodes.put(id, node);
        ranks.put(id, rank);
        return node;
    }

    private void endpoint(FlowRoutes.Endpoint endpoint) {
        String fetchedBy = in.flow().requesting(endpoint.path()).map(FlowRoutes.CrawlRoute::id).orElse(null);
        Map<String, Object> node = node(endpointId(endpoint.path()), "endpoint", "api", "GET " + endpoint.path(),
                "An endpoint of the emulated MotoGP results API, answering a JSON array of objects.", 0);
        node.put("path", endpoint.path());
        node.put("parameters", endpoint.parameters());
        node.put("route", endpoint.route());
        node.put("answered_by", endpoint.answeredBy());
        for (String field : in.answerFields().getOrDefault(endpoint.path(), List.of())) {
            column(node, field, ANSWER_FIELD, null, List.of());
        }
        if (fetchedBy != null) {
            edge(node.get("id").toString(), routeId(fetchedBy));
        }
    }

    private void route(FlowRoutes.CrawlRoute route) {
        Map<String, Object> node = node(routeId(route.id()), "route", "crawl", route.id(),
                "A route of the crawl (routes/crawl.yaml): it requests " + route.endpoint() + " and lands the answers in bronze "
                        + route.table() + ".", 1);
        node.put("from", route.from());
        node.put("endpoint", route.endpoint());
        node.put("table", route.table());
        node.put("calls", route.calls().stream().map(DocsManifest::routeId).toList());
        in.catalog().sources().stream().filter(source -> source.name().equals(route.table()))
                .forEach(source -> edge(node.get("id").toString(), source.id()));
    }

    private void table(Node table) {
        int rank = table.isModel() ? table.dependsOn().stream().mapToInt(ranks::get).max().orElse(1) + 1 : 2;
        Map<String, Object> node = node(table.id(), table.isModel() ? "model" : "source", table.layer(), table.id(), table.description(), rank);
        node.put("file", table.file());
        CatalogLineage.TableLineage lineage = in.catalog().lineage().get(table.id());
        List<DataTest> tests = in.catalog().testsOf(table.id());
        for (Column column : table.columns()) {
            List<String> upstream = lineage.columns().getOrDefault(column.name(), Collections.emptySortedSet()).stream()
                    .map(from -> upstreamColumn(from, column)).distinct().toList();
            Map<String, Object> entry = column(node, column.name(), column.dataType(), column.description(), upstream);
            entry.put("tests", tests.stream().filter(test -> column.name().equals(test.column())).map(DataTest::type).distinct().toList());
        }
        node.put("lineage_unresolved", lineage.unresolved());
        node.put("tests", tests.stream().map(this::test).toList());
        if (!table.isModel()) {
            node.put("rows", in.bronzeRows().get(table.name()));
            return;
        }
        List<TableVersion> versions = in.history().apply(table);
        node.put("rows", versions.stream().filter(version -> version.refs().contains(MAIN)).findFirst().map(TableVersion::rows).orElse(null));
        node.put("sql", table.sql());
        node.put("depends_on", List.copyOf(table.dependsOn()));
        node.put("last_build", in.lastResults().get("model." + table.id()));
        node.put("history", versions.stream().map(DocsManifest::version).toList());
        table.dependsOn().forEach(upstream -> edge(upstream, table.id()));
    }

    private static Map<String, Object> version(TableVersion version) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("snapshot", Long.toString(version.id()));
        entry.put("committed", version.committed().toString());
        entry.put("run_id", version.runId());
        entry.put("operation", version.operation());
        entry.put("rows", version.rows());
        entry.put("refs", version.refs());
        return entry;
    }

    private Map<String, Object> test(DataTest test) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", test.name());
        entry.put("type", test.type());
        entry.put("column", test.column());
        entry.put("severity", test.config().severity().toString());
        entry.put("sql", test.sql());
        JsonNode last = in.lastResults().get("test." + test.name());
        entry.put("status", last == null ? null : last.path("status").asText());
        entry.put("failures", last == null ? null : last.path("failures").asLong());
        String stored = last == null || last.path("stored").isNull() ? null : last.path("stored").asText();
        entry.put("stored", stored);
        // the failing rows' file, as a link from the site's folder
        entry.put("stored_href", stored == null ? null
                : in.site().toAbsolutePath().relativize(Path.of(stored).toAbsolutePath()).toString().replace('\\', '/'));
        entry.put("invocation_id", last == null ? null : last.path("invocation_id").asText());
        return entry;
    }

    /**
     * The docs column a column of a model or bronze table is computed from, as its id: a model's or source's column;
     * for {@code api.<table>.body.<field>}, the field of the answers of the endpoint the crawl requests for that table;
     * for {@code api.<table>.<column>}, that column of the crawl route's context. A field or context column is added
     * to its endpoint or route as it is first met, and described as the bronze column of its name it becomes.
     */
    private String upstreamColumn(UpstreamColumn upstream, Column downstream) {
        if (!upstream.table().startsWith(CatalogLineage.API + ".")) {
            return upstream.table() + SEPARATOR + upstream.column();
        }
        String table = upstream.table().substring(CatalogLineage.API.length() + 1);
        FlowRoutes.CrawlRoute route = in.flow().writing(table).orElse(null);
        if (route == null) {
            return upstream.toString();
        }
        boolean answerField = !upstream.field().isEmpty();
        String node = answerField ? endpointId(route.endpoint()) : routeId(route.id());
        String name = answerField ? upstream.field().get(0) : upstream.column();
        if (!nodes.containsKey(node)) {
            return upstream.toString(); // the crawl requests a path the API's routes do not define
        }
        Map<String, Object> column = columns(nodes.get(node)).stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseGet(() -> column(nodes.get(node), name, answerField ? ANSWER_FIELD : "context", null, List.of()));
        if (!column.containsKey("description") || name.equals(downstream.name())) {
            column.put("description", downstream.description());
        }
        return node + SEPARATOR + name;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> columns(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.get("columns");
    }

    private static Map<String, Object> column(Map<String, Object> node, String name, String type, String description, List<String> upstream) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", name);
        column.put("type", type);
        if (description != null) {
            column.put("description", description);
        }
        column.put("upstream", upstream);
        columns(node).add(column);
        return column;
    }

    private void edge(String source, String target) {
        if (edgeNames.add(source + "->" + target)) {
            edges.add(new String[] {source, target});
        }
    }
}

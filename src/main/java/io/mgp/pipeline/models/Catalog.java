package io.mgp.pipeline.models;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project: the bronze sources, the models in build order, their data tests and unit tests. The order comes from
 * the SQL (the tables each model reads) and from the tests (a model is published once the tables its tests read are
 * built); see {@link CatalogLoader}.
 */
public final class Catalog {

    private final Map<String, Node> nodes;
    private final List<DataTest> tests;
    private final List<UnitTest> unitTests;
    private Map<String, CatalogLineage.TableLineage> lineage;

    Catalog(Map<String, Node> nodes, List<DataTest> tests, List<UnitTest> unitTests) {
        this.nodes = nodes;
        this.tests = tests;
        this.unitTests = unitTests;
    }

    /** Sources, then models in the order they are built. */
    public Collection<Node> nodes() {
        return nodes.values();
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    public List<Node> sources() {
        return nodes.values().stream().filter(n -> !n.isModel()).toList();
    }

    public List<Node> models() {
        return nodes.values().stream().filter(Node::isModel).toList();
    }

    /** The data tests, those of each table together, in build order. */
    public List<DataTest> tests() {
        return tests;
    }

    public List<DataTest> testsOf(String node) {
        return tests.stream().filter(t -> t.node().equals(node)).toList();
    }

    public List<UnitTest> unitTests() {
        return unitTests;
    }

    /** The column lineage of every table, by id, worked out once: the build's records and its OpenLineage events share it. */
    public synchronized Map<String, CatalogLineage.TableLineage> lineage() {
        if (lineage == null) {
            lineage = CatalogLineage.of(this);
        }
        return lineage;
    }

    /**
     * A hash of everything that decides what a build writes and checks: each node's SQL, columns and contract, and
     * each test's query and config. Equal fingerprints, equal builds from the same bronze.
     */
    public long fingerprint() {
        StringBuilder text = new StringBuilder();
        nodes.values().forEach(node -> text.append(node).append('\n'));
        tests.forEach(test -> text.append(test.name()).append(test.sql()).append(test.config()).append('\n'));
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Every table a node reads, directly or through others. */
    public Set<String> ancestors(String id) {
        return walk(id, n -> nodes.get(n).dependsOn());
    }

    /** Every model that reads a node, directly or through others. */
    public Set<String> descendants(String id) {
        return walk(id, n -> nodes.values().stream().filter(m -> m.dependsOn().contains(n)).map(Node::id).toList());
    }

    private static Set<String> walk(String start, java.util.function.Function<String, Collection<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(next.apply(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(next.apply(id));
            }
        }
        return seen;
    }

    /**
     * The tables a selector names, dbt's basic syntax: {@code name} or {@code layer.name}, {@code +name} with its
     * ancestors, {@code name+} with its descendants; several separated by spaces or commas. Null or blank selects all.
     */
    public Set<String> select(String selector) {
        if (selector == null || selector.isBlank()) {
            return new LinkedHashSet<>(nodes.keySet());
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String term : selector.strip().split("[\\s,]+")) {
            boolean up = term.startsWith("+");
            boolean down = term.endsWith("+") && term.length() > 1;
            String name = term.substring(up ? 1 : 0, term.length() - (down ? 1 : 0));
            String id = resolve(name);
            chosen.add(id);
            if (up) {
                chosen.addAll(ancestors(id));
            }
            if (down) {
                chosen.addAll(descendants(id));
            }
        }
        Set<String> ordered = new LinkedHashSet<>(nodes.keySet());
        ordered.retainAll(chosen);
        return ordered;
    }

    private String resolve(String name) {
        if (nodes.containsKey(name)) {
            return name;
        }
        List<String> named = nodes.values().stream().filter(n -> n.name().equals(name)).map(Node::id).toList();
        List<String> models = named.stream().filter(id -> nodes.get(id).isModel()).toList();
        if (models.size() == 1) {
            return models.get(0);
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        throw ProjectError.declaration("--select", named.isEmpty()
                ? "no model or source is named '" + name + "' (tables: " + String.join(", ", nodes.keySet()) + ")"
                : "'" + name + "' names " + String.join(" and ", named) + ": say which, as layer.name");
    }
}

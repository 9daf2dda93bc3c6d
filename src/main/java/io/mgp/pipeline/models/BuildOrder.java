package io.mgp.pipeline.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order tables are built in: a model after every table its SQL reads, and after every table its own data tests
 * read (a relationships test needs its parent built), since a model is published only once its tests have run.
 */
final class BuildOrder {

    private BuildOrder() {
    }

    /** The nodes, sources first, then models in an order that respects both; ties keep the declared order. */
    static Map<String, Node> of(Map<String, Node> nodes, List<DataTest> tests) {
        Map<String, Set<String>> waitsFor = new LinkedHashMap<>();
        for (Node node : nodes.values()) {
            Set<String> before = new LinkedHashSet<>(node.dependsOn());
            if (node.isModel()) {
                tests.stream().filter(t -> t.node().equals(node.id())).forEach(t -> before.addAll(t.refs()));
            }
            before.remove(node.id());
            before.removeIf(id -> !nodes.get(id).isModel());
            waitsFor.put(node.id(), before);
        }
        Map<String, Node> ordered = new LinkedHashMap<>();
        nodes.values().stream().filter(n -> !n.isModel()).forEach(n -> ordered.put(n.id(), n));
        List<String> left = new ArrayList<>(nodes.values().stream().filter(Node::isModel).map(Node::id).toList());
        while (!left.isEmpty()) {
            String next = left.stream().filter(id -> ordered.keySet().containsAll(waitsFor.get(id))).findFirst()
                    .orElseThrow(() -> cycle(nodes, left, waitsFor));
            ordered.put(next, nodes.get(next));
            left.remove(next);
        }
        return ordered;
    }

    private static ProjectError cycle(Map<String, Node> nodes, List<String> left, Map<String, Set<String>> waitsFor) {
        List<String> path = new ArrayList<>();
        String at = left.get(0);
        while (!path.contains(at)) {
            path.add(at);
            at = waitsFor.get(at).stream().filter(left::contains).findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        loop.add(at);
        return ProjectError.sql(nodes.get(at).file(), "models depend on each other in a cycle (through their SQL or their tests): "
                + String.join(" -> ", loop));
    }
}

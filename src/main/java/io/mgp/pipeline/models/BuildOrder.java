package io.mgp.pipeline.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order tables are built in: a model after every table its SQL reads, and, where that leaves a choice, after
 * every table its own data tests read (a relationships test then sees its parent as this build makes it). Two models
 * whose tests read each other cannot both wait: the first declared test wins, and the other reads the published
 * version of the table built after it.
 */
final class BuildOrder {

    private BuildOrder() {
    }

    /** The nodes, sources first, then models in an order that respects the SQL; ties keep the declared order. */
    static Map<String, Node> of(Map<String, Node> nodes, List<DataTest> tests) {
        Map<String, Set<String>> waitsFor = new LinkedHashMap<>();
        for (Node node : nodes.values()) {
            Set<String> before = new LinkedHashSet<>(node.dependsOn());
            before.removeIf(id -> !nodes.get(id).isModel());
            waitsFor.put(node.id(), before);
        }
        for (DataTest test : tests) {
            if (nodes.get(test.node()).isModel()) {
                test.refs().stream().filter(ref -> nodes.get(ref).isModel() && !waits(ref, test.node(), waitsFor))
                        .forEach(ref -> waitsFor.get(test.node()).add(ref));
            }
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

    /** Whether {@code from} waits, directly or through others, for {@code on} (or is it). */
    private static boolean waits(String from, String on, Map<String, Set<String>> waitsFor) {
        return from.equals(on) || waitsFor.get(from).stream().anyMatch(next -> waits(next, on, waitsFor));
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
        return ProjectError.sql(nodes.get(at).file(), "models read each other in a cycle: "
                + String.join(" -> ", loop));
    }
}

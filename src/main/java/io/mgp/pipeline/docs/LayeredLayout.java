package io.mgp.pipeline.docs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A left-to-right layered drawing of a directed graph, computed here rather than in the browser (the dagre layout
 * cytoscape uses for this is not in any Maven artifact): each node in the column of its rank, and in each column the
 * nodes ordered by the mean position of their neighbours in the column before, then after (the barycenter
 * heuristic), a few times over, so that edges cross little.
 */
final class LayeredLayout {

    static final double COLUMN_GAP = 240;
    static final double ROW_GAP = 64;
    private static final int SWEEPS = 4;

    /** A node's place: its column and its row, centred on 0. */
    record Position(double x, double y) {
    }

    private LayeredLayout() {
    }

    /**
     * @param ranks each node's column, in the order to start from
     * @param edges each edge as {source, target}
     */
    static Map<String, Position> place(Map<String, Integer> ranks, List<String[]> edges) {
        TreeMap<Integer, List<String>> columns = new TreeMap<>();
        ranks.forEach((node, rank) -> columns.computeIfAbsent(rank, r -> new ArrayList<>()).add(node));
        Map<String, List<String>> before = new HashMap<>();
        Map<String, List<String>> after = new HashMap<>();
        for (String[] edge : edges) {
            after.computeIfAbsent(edge[0], n -> new ArrayList<>()).add(edge[1]);
            before.computeIfAbsent(edge[1], n -> new ArrayList<>()).add(edge[0]);
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            List<Integer> order = new ArrayList<>(columns.keySet());
            if (sweep % 2 == 1) {
                Collections.reverse(order);
            }
            for (int rank : order) {
                order(columns.get(rank), sweep % 2 == 0 ? before : after, rows(columns));
            }
        }
        Map<String, Position> positions = new LinkedHashMap<>();
        columns.forEach((rank, nodes) -> {
            for (int row = 0; row < nodes.size(); row++) {
                positions.put(nodes.get(row), new Position(rank * COLUMN_GAP, (row - (nodes.size() - 1) / 2.0) * ROW_GAP));
            }
        });
        return positions;
    }

    /** Sorts a column by its nodes' neighbours' mean row; a node without neighbours keeps its row. Stable. */
    private static void order(List<String> column, Map<String, List<String>> neighbours, Map<String, Double> rows) {
        Map<String, Double> centre = new HashMap<>();
        for (String node : column) {
            List<String> near = neighbours.getOrDefault(node, List.of());
            centre.put(node, near.isEmpty() ? rows.get(node) : near.stream().mapToDouble(rows::get).average().orElseThrow());
        }
        column.sort(Comparator.comparing(centre::get));
    }

    /** Each node's row in its column, centred so that columns of different heights line up in the middle. */
    private static Map<String, Double> rows(Map<Integer, List<String>> columns) {
        Map<String, Double> rows = new HashMap<>();
        columns.values().forEach(nodes -> {
            for (int row = 0; row < nodes.size(); row++) {
                rows.put(nodes.get(row), row - (nodes.size() - 1) / 2.0);
            }
        });
        return rows;
    }
}

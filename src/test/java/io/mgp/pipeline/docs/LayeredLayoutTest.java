package io.mgp.pipeline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    @Test
    void eachNodeIsInItsRanksColumnAndColumnsAreCentredOnTheSameLine() {
        Map<String, Integer> ranks = new LinkedHashMap<>(Map.of("a", 0));
        ranks.put("b", 1);
        ranks.put("c", 1);
        ranks.put("d", 1);
        Map<String, LayeredLayout.Position> at = LayeredLayout.place(ranks, List.of(edge("a", "b"), edge("a", "c"), edge("a", "d")));
        assertEquals(0, at.get("a").x());
        assertEquals(0, at.get("a").y());
        for (String node : List.of("b", "c", "d")) {
            assertEquals(LayeredLayout.COLUMN_GAP, at.get(node).x(), node);
        }
        assertEquals(0, at.get("b").y() + at.get("c").y() + at.get("d").y(), 1e-9, "a column is centred on 0");
    }

    @Test
    void nodesAreOrderedByTheirNeighboursSoThatParallelChainsDoNotCross() {
        // two chains, a1 -> b1 and a2 -> b2, whose second column starts in the crossing order
        Map<String, Integer> ranks = new LinkedHashMap<>();
        ranks.put("a1", 0);
        ranks.put("a2", 0);
        ranks.put("b2", 1);
        ranks.put("b1", 1);
        Map<String, LayeredLayout.Position> at = LayeredLayout.place(ranks, List.of(edge("a1", "b1"), edge("a2", "b2")));
        assertTrue(at.get("a1").y() < at.get("a2").y());
        assertTrue(at.get("b1").y() < at.get("b2").y(), "b1 beside a1: " + at);
    }

    private static String[] edge(String source, String target) {
        return new String[] {source, target};
    }
}

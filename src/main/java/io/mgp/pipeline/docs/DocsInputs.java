package io.mgp.pipeline.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.mgp.pipeline.lake.TableVersion;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the docs are made of.
 *
 * @param answerFields each endpoint's answer fields, by path
 * @param lastResults the last result of each model and test, by dbt's id ({@code model.gold.mgp}, {@code test.<name>})
 * @param history each model's table versions, the newest first (empty when it has none), by the model's node
 * @param bronzeRows each bronze table's rows, by name
 * @param site the folder the site is written to
 */
record DocsInputs(Catalog catalog, FlowRoutes flow, Map<String, List<String>> answerFields, Map<String, JsonNode> lastResults,
                  Function<Node, List<TableVersion>> history, Map<String, Long> bronzeRows, Map<String, Object> metadata,
                  Path site) {
}

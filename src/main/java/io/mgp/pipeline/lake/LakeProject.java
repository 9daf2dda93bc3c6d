package io.mgp.pipeline.lake;

import io.mgp.pipeline.duck.SqlResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The lake's tables as {@code models/project.yml} declares them: the bronze sources and, per layer,
 * the models in build order. Declared rather than discovered, because listing a folder inside the
 * 100 MB application jar means reading the whole jar.
 */
public record LakeProject(List<String> sources, Map<String, List<String>> layers) {

    static final String RESOURCE = "models/project.yml";

    @SuppressWarnings("unchecked")
    public static LakeProject load() {
        Map<String, Object> yaml = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(SqlResource.load(RESOURCE));
        return new LakeProject(
                List.copyOf((List<String>) yaml.get("sources")),
                new LinkedHashMap<>((Map<String, List<String>>) yaml.get("layers")));
    }

    /** The SQL of a model: {@code models/<layer>/<name>.sql}. */
    public String model(String layer, String name) {
        return SqlResource.load("models/" + layer + "/" + name + ".sql");
    }
}

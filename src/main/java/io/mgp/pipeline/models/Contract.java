package io.mgp.pipeline.models;

import java.util.LinkedHashMap;
import java.util.Map;

/** A model's declared columns and types, checked against what its SELECT returns before anything is written. */
final class Contract {

    private Contract() {
    }

    /** Null when the result has exactly the declared columns with their types; otherwise what differs, naming the column. */
    static String violation(Map<String, String> columns, Node model) {
        Map<String, String> result = new LinkedHashMap<>(columns);
        for (Column declared : model.columns()) {
            String type = result.remove(declared.name());
            if (type == null) {
                return "contract: column " + declared.name() + " is declared but the result has none";
            }
            if (!type.equals(declared.dataType())) {
                return "contract: column " + declared.name() + " is " + type + ", declared " + declared.dataType();
            }
        }
        return result.isEmpty() ? null : "contract: the result has column " + result.keySet().iterator().next()
                + ", which is not declared";
    }
}

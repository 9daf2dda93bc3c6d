package io.mgp.pipeline.models;

import io.mgp.pipeline.duck.ScratchDatabase;
import io.mgp.pipeline.lake.Partitioning;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a project in dbt's layout: {@code models/<layer>/<name>.sql} (one SELECT each), YAML files beside them that
 * declare models' and sources' descriptions, columns, data tests and unit tests, and singular tests as
 * {@code tests/<name>.sql}. Every mistake is a {@link ProjectError} naming the file, found before anything runs.
 */
public final class CatalogLoader {

    private static final Pattern REF = Pattern.compile("\\s*ref\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*");
    private static final Pattern SOURCE = Pattern.compile("\\s*source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*");
    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> CONFIG_KEYS = Set.of("severity", "warn_if", "error_if", "where", "store_failures", "limit");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TOP_KEYS = List.of("version", "sources", "models", "unit_tests", "data_tests");
    private static final List<String> SOURCE_KEYS = List.of("name", "description", "tables");
    private static final List<String> TABLE_KEYS = List.of("name", "description", "config", "columns", "data_tests", "tests");
    private static final List<String> MODEL_KEYS = List.of("name", "description", "config", "columns", "data_tests", "tests");
    private static final List<String> COLUMN_KEYS = List.of("name", "data_type", "description", "data_tests", "tests");
    private static final List<String> UNIT_TEST_KEYS = List.of("name", "model", "description", "given", "expect");

    private final ProjectFiles files;
    private final Connection duck;
    private final SqlRefs sqlRefs;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> sourceYaml = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> modelYaml = new LinkedHashMap<>();
    private final Map<String, String> yamlFile = new HashMap<>();
    private final List<Map.Entry<String, Object>> unitTestYaml = new ArrayList<>();
    private final Map<String, Map.Entry<String, Map<String, Object>>> singularYaml = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    private CatalogLoader(ProjectFiles files, Connection duck) {
        this.files = files;
        this.duck = duck;
        this.sqlRefs = new SqlRefs(duck);
    }

    /** Loads the project; DuckDB parses its SQL and names its types. */
    public static Catalog load(ProjectFiles files) {
        try (Connection duck = ScratchDatabase.connect()) {
            return new CatalogLoader(files, duck).load();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB to read the project", e);
        }
    }

    private Catalog load() {
        for (String folder : List.of(ProjectFiles.MODELS, ProjectFiles.TESTS)) {
            for (String extension : List.of(".yml", ".yaml")) {
                files.files(folder, extension).forEach(this::readYaml);
            }
        }
        Map<String, Path> sqlFiles = new LinkedHashMap<>();
        for (Path sql : files.files(ProjectFiles.MODELS, ".sql")) {
            String name = identifier(sql.getFileName().toString().replaceFirst("\\.sql$", ""), files.name(sql));
            sqlFiles.put(identifier(files.layer(sql), files.name(sql)) + "." + name, sql);
        }
        modelYaml.keySet().stream().filter(id -> !sqlFiles.containsKey(id)).findFirst().ifPresent(id -> {
            throw ProjectError.declaration(yamlFile.get(id), "model " + id + " has no SQL file "
                    + ProjectFiles.MODELS + "/" + id.replace('.', '/') + ".sql");
        });
        sqlFiles.forEach((id, file) -> nodes.put(id, model(id, file)));
        nodes.replaceAll((id, node) -> node.isModel() ? withDependencies(node) : node);
        List<DataTest> tests = new ArrayList<>();
        for (Node node : nodes.values()) {
            tests.addAll(declaredTests(node, node.isModel() ? modelYaml.get(node.id()) : sourceYaml.get(node.id())));
        }
        tests.addAll(singularTests());
        singularYaml.forEach((name, declared) -> {
            throw ProjectError.declaration(declared.getKey(), "data_tests: " + name + " has no file " + ProjectFiles.TESTS + "/" + name + ".sql");
        });
        requireUniqueNames(tests);
        Map<String, Node> ordered = BuildOrder.of(nodes, tests);
        List<String> order = new ArrayList<>(ordered.keySet());
        // a singular test runs, and gates, with the last table it reads to be built
        tests.replaceAll(t -> !"singular".equals(t.type()) ? t : new DataTest(t.name(), t.type(),
                t.refs().stream().max(Comparator.comparingInt(order::indexOf)).orElseThrow(), t.column(), t.sql(), t.refs(), t.config(), t.file()));
        List<DataTest> inOrder = new ArrayList<>();
        ordered.keySet().forEach(id -> tests.stream().filter(t -> t.node().equals(id)).forEach(inOrder::add));
        return new Catalog(ordered, List.copyOf(inOrder), unitTests());
    }

    @SuppressWarnings("unchecked")
    private void readYaml(Path path) {
        String file = files.name(path);
        Object parsed;
        try {
            parsed = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(files.read(path));
        } catch (YamlEngineException e) {
            throw ProjectError.declaration(file, "not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (parsed == null) {
            return;
        }
        if (!(parsed instanceof Map<?, ?> top)) {
            throw ProjectError.declaration(file, "expected a mapping with sources:, models:, unit_tests: or data_tests:");
        }
        requireKnownKeys((Map<String, Object>) top, TOP_KEYS, file, "the file");
        for (Object source : list(top, "sources", file)) {
            Map<String, Object> declared = mapping(source, file, "a source");
            String layer = text(declared, "name", file, "a source");
            requireKnownKeys(declared, SOURCE_KEYS, file, "source " + layer);
            if (!"bronze".equals(layer)) {
                throw ProjectError.declaration(file, "source " + layer + ": the crawl lands its tables in bronze, so the source is named bronze");
            }
            for (Object table : list(declared, "tables", file)) {
                Map<String, Object> t = mapping(table, file, "a table of source " + layer);
                String name = identifier(text(t, "name", file, "a table of source " + layer), file);
                requireKnownKeys(t, TABLE_KEYS, file, layer + "." + name);
                Node node = new Node(layer, name, Node.Kind.SOURCE, description(t), columns(t, file), false, Partitioning.NONE, null,
                        Set.of(), file);
                declare(node, file);
                sourceYaml.put(node.id(), t);
            }
        }
        String layer = files.layer(path);
        for (Object model : list(top, "models", file)) {
            Map<String, Object> m = mapping(model, file, "a model");
            String id = layer + "." + text(m, "name", file, "a model");
            requireKnownKeys(m, MODEL_KEYS, file, "model " + id);
            if (m.get("config") instanceof Map<?, ?> config) {
                requireKnownKeys((Map<String, Object>) config, List.of("contract", "partition_by", "materialized"), file, "model " + id + " config");
            }
            if (modelYaml.put(id, m) != null) {
                throw ProjectError.declaration(file, "model " + id + " is declared twice");
            }
            yamlFile.put(id, file);
        }
        for (Object unitTest : list(top, "unit_tests", file)) {
            unitTestYaml.add(Map.entry(file, unitTest));
        }
        for (Object singular : list(top, "data_tests", file)) {
            Map<String, Object> s = mapping(singular, file, "a singular test's properties");
            String name = text(s, "name", file, "a singular test's properties");
            requireKnownKeys(s, List.of("name", "description", "config"), file, "singular test " + name);
            Object config = s.getOrDefault("config", Map.of());
            if (singularYaml.put(name, Map.entry(file, mapping(config, file, "config of " + name))) != null) {
                throw ProjectError.declaration(file, "singular test " + name + " is configured twice");
            }
        }
    }

    /** A misspelt key would drop what it declares without a word: every mapping names only keys it knows. */
    private static void requireKnownKeys(Map<String, Object> declared, List<String> known, String file, String what) {
        for (Object key : declared.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw ProjectError.declaration(file, what + ": unknown key " + key + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** A table's name is part of SQL ({@code silver.name}) and of file names: letters, digits and underscores. */
    private static String identifier(String name, String file) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw ProjectError.declaration(file, "'" + name + "' cannot name a table: use letters, digits and _ (not first)");
        }
        return name;
    }

    private void declare(Node node, String file) {
        if (nodes.put(node.id(), node) != null) {
            throw ProjectError.declaration(file, node.id() + " is declared twice");
        }
    }

    private Node model(String id, Path sqlFile) {
        Map<String, Object> yaml = modelYaml.getOrDefault(id, Map.of());
        String yamlName = yamlFile.getOrDefault(id, files.name(sqlFile));
        Object config = yaml.get("config");
        boolean contract = config instanceof Map<?, ?> c && c.get("contract") instanceof Map<?, ?> k
                && Boolean.parseBoolean(String.valueOf(k.get("enforced")));
        List<Column> columns = columns(yaml, yamlName);
        if (contract && columns.stream().anyMatch(c -> c.dataType() == null)) {
            throw ProjectError.declaration(yamlName, "model " + id + " enforces its contract: every column needs a data_type");
        }
        Partitioning partitioning = partitioning(id, config instanceof Map<?, ?> c ? c : Map.of(), yamlName);
        for (String column : partitioning.columns()) {
            if (!columns.isEmpty() && columns.stream().noneMatch(declared -> declared.name().equals(column))) {
                throw ProjectError.declaration(yamlName, "model " + id + " is partitioned by " + column + ", which it does not declare");
            }
        }
        int dot = id.indexOf('.');
        return new Node(id.substring(0, dot), id.substring(dot + 1), Node.Kind.MODEL, description(yaml), columns, contract,
                partitioning, stripSemicolon(files.read(sqlFile).strip()),
                Set.of(), files.name(sqlFile));
    }

    /** {@code partition_by: year} or {@code [a, b]}, and {@code materialized: table} (the default) or {@code incremental}. */
    private static Partitioning partitioning(String id, Map<?, ?> config, String file) {
        Object by = config.get("partition_by");
        List<String> columns = by == null ? List.of() : by instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(by));
        String materialized = String.valueOf(config.get("materialized") == null ? "table" : config.get("materialized"));
        if (!List.of("table", "incremental").contains(materialized)) {
            throw ProjectError.declaration(file, "model " + id + ": materialized must be table or incremental, got '" + materialized + "'");
        }
        if ("incremental".equals(materialized) && columns.isEmpty()) {
            throw ProjectError.declaration(file, "model " + id + " is incremental by partition: it needs partition_by, the columns"
                    + " whose changed values it rewrites");
        }
        return new Partitioning(columns, "incremental".equals(materialized));
    }

    /** The tables the model's SQL reads: each must be a declared source or model. */
    private Node withDependencies(Node model) {
        Set<String> reads = sqlRefs.tables(model.file(), model.sql());
        for (String table : reads) {
            if (!nodes.containsKey(table)) {
                throw ProjectError.sql(model.file(), "model " + model.id() + " reads " + table
                        + ", which no model or source declares" + (table.contains(".") ? "" : " (name tables as layer.name, such as silver.events)"));
            }
        }
        return new Node(model.layer(), model.name(), model.kind(), model.description(), model.columns(), model.contract(),
                model.partitioning(), model.sql(), Collections.unmodifiableSet(new LinkedHashSet<>(reads)), model.file());
    }

    private List<Column> columns(Map<String, Object> declared, String file) {
        List<Column> columns = new ArrayList<>();
        for (Object column : list(declared, "columns", file)) {
            Map<String, Object> c = mapping(column, file, "a column");
            String name = text(c, "name", file, "a column");
            requireKnownKeys(c, COLUMN_KEYS, file, "column " + name);
            Object type = c.get("data_type");
            columns.add(new Column(name, type == null ? null : duckType(String.valueOf(type), file, name), description(c)));
        }
        return columns;
    }

    /** The type as DuckDB names it ({@code text} is VARCHAR, {@code int} INTEGER), so a contract compares like with like. */
    private String duckType(String declared, String file, String column) {
        String known = types.get(declared);
        if (known != null) {
            return known;
        }
        try (Statement sql = duck.createStatement();
             ResultSet type = sql.executeQuery("SELECT typeof(CAST(NULL AS " + declared + "))")) {
            type.next();
            types.put(declared, type.getString(1));
            return type.getString(1);
        } catch (SQLException e) {
            throw ProjectError.declaration(file, "column " + column + ": unknown data_type '" + declared + "'");
        }
    }

    private List<DataTest> declaredTests(Node node, Map<String, Object> yaml) {
        if (yaml == null) {
            return List.of();
        }
        String file = node.isModel() ? yamlFile.get(node.id()) : node.file();
        GenericTests generic = new GenericTests(ref -> resolve(ref, file));
        // a source table's config: where filters the rows all its tests see (bronze keeps every answer ever fetched)
        Map<String, Object> tableConfig = node.isModel() ? Map.of() : mapping(yaml.getOrDefault("config", Map.of()), file, "config of " + node.id());
        requireKnownKeys(tableConfig, List.of("where"), file, node.id() + " config");
        String where = tableConfig.containsKey("where") ? String.valueOf(tableConfig.get("where")) : null;
        List<DataTest> tests = new ArrayList<>();
        for (Object column : list(yaml, "columns", file)) {
            Map<String, Object> c = mapping(column, file, "a column");
            for (Object test : tests(c, file)) {
                tests.add(declaredTest(generic, node, String.valueOf(c.get("name")), test, file, where));
            }
        }
        for (Object test : tests(yaml, file)) {
            tests.add(declaredTest(generic, node, null, test, file, where));
        }
        return tests;
    }

    private List<?> tests(Map<String, Object> declared, String file) {
        List<Object> tests = new ArrayList<>(list(declared, "data_tests", file));
        tests.addAll(list(declared, "tests", file));
        return tests;
    }

    @SuppressWarnings("unchecked")
    private DataTest declaredTest(GenericTests generic, Node node, String column, Object test, String file, String where) {
        String type;
        Map<String, Object> args = new LinkedHashMap<>();
        if (test instanceof String name) {
            type = name;
        } else if (test instanceof Map<?, ?> one && one.size() == 1) {
            type = String.valueOf(one.keySet().iterator().next());
            Object value = one.values().iterator().next();
            if (value instanceof Map<?, ?> given) {
                args.putAll((Map<String, Object>) given);
            } else if (value != null) {
                throw ProjectError.declaration(file, type + " on " + where(node, column) + ": expected its arguments as a mapping");
            }
        } else {
            throw ProjectError.declaration(file, "a test on " + where(node, column) + " must be a name or a mapping of one test");
        }
        List<String> known = column == null ? GenericTests.TABLE_TESTS : GenericTests.COLUMN_TESTS;
        if (!known.contains(type)) {
            throw ProjectError.declaration(file, "unknown test '" + type + "' on " + where(node, column)
                    + " (known: " + String.join(", ", known) + ")");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        if (args.remove("config") instanceof Map<?, ?> given) {
            config.putAll((Map<String, Object>) given);
        }
        if (args.remove("arguments") instanceof Map<?, ?> given) {
            args.putAll((Map<String, Object>) given);
        }
        for (String key : CONFIG_KEYS) {
            if (args.containsKey(key)) {
                config.put(key, args.remove(key));
            }
        }
        if (where != null) {
            config.putIfAbsent("where", where);
        }
        String name = args.containsKey("name") ? String.valueOf(args.remove("name"))
                : type + "_" + node.layer() + "_" + node.name() + (column == null ? "" : "_" + column);
        if (!TEST_NAME.matcher(name).matches()) {
            throw ProjectError.declaration(file, "test name '" + name + "' may hold only letters, digits, _ . and -");
        }
        TestConfig parsed = config(config, file, name);
        GenericTests.Compiled compiled = generic.compile(type, node.id(), column,
                new GenericTests.Arguments(args, type + " on " + where(node, column), file), parsed.where());
        return new DataTest(name, type, node.id(), column, compiled.sql(), compiled.refs(), parsed, file);
    }

    private static String where(Node node, String column) {
        return column == null ? node.id() : node.id() + "." + column;
    }

    private static TestConfig config(Map<String, Object> config, String file, String test) {
        for (String key : config.keySet()) {
            if (!CONFIG_KEYS.contains(key)) {
                throw ProjectError.declaration(file, test + ": unknown config " + key + " (known: " + String.join(", ", CONFIG_KEYS) + ")");
            }
        }
        TestConfig defaults = TestConfig.DEFAULT;
        Severity severity;
        try {
            severity = config.containsKey("severity") ? Severity.parse(String.valueOf(config.get("severity"))) : defaults.severity();
        } catch (IllegalArgumentException e) {
            throw ProjectError.declaration(file, test + ": severity must be error or warn, got '" + config.get("severity") + "'");
        }
        int limit;
        try {
            limit = config.containsKey("limit") ? Integer.parseInt(String.valueOf(config.get("limit"))) : defaults.limit();
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 0) {
            throw ProjectError.declaration(file, test + ": limit must be a whole number, got '" + config.get("limit") + "'");
        }
        return new TestConfig(severity, threshold(config, "warn_if", file, test), threshold(config, "error_if", file, test),
                config.containsKey("where") ? String.valueOf(config.get("where")) : null,
                !config.containsKey("store_failures") || Boolean.parseBoolean(String.valueOf(config.get("store_failures"))),
                limit);
    }

    private static Threshold threshold(Map<String, Object> config, String key, String file, String test) {
        if (!config.containsKey(key)) {
            return Threshold.ANY;
        }
        Threshold threshold = Threshold.parse(String.valueOf(config.get(key)));
        if (threshold == null) {
            throw ProjectError.declaration(file, test + ": " + key + " must compare the failing rows, such as '>0' or '>=100', got '"
                    + config.get(key) + "'");
        }
        return threshold;
    }

    /** {@code tests/<name>.sql}: a query returning failing rows, run once every table it reads is built. */
    private List<DataTest> singularTests() {
        List<DataTest> tests = new ArrayList<>();
        for (Path path : files.files(ProjectFiles.TESTS, ".sql")) {
            String file = files.name(path);
            String sql = files.read(path).strip();
            Set<String> reads = sqlRefs.tables(file, sql);
            for (String table : reads) {
                if (!nodes.containsKey(table)) {
                    throw ProjectError.sql(file, "reads " + table + ", which no model or source declares");
                }
            }
            if (reads.isEmpty()) {
                throw ProjectError.sql(file, "reads no table of the lake");
            }
            String node = reads.stream().filter(t -> reads.stream().noneMatch(other -> !other.equals(t) && reachable(other, t)))
                    .reduce((first, last) -> last).orElseThrow();
            String name = path.getFileName().toString().replaceFirst("\\.sql$", "");
            Map.Entry<String, Map<String, Object>> declared = singularYaml.remove(name);
            TestConfig config = declared == null ? TestConfig.DEFAULT : config(declared.getValue(), declared.getKey(), name);
            String tested = config.where() == null ? stripSemicolon(sql) : "SELECT * FROM (" + stripSemicolon(sql) + ") AS failing WHERE " + config.where();
            tests.add(new DataTest(name, "singular", node, null, tested, reads, config, file));
        }
        return tests;
    }

    /** Whether {@code to} reads {@code from}, directly or through other models. */
    private boolean reachable(String to, String from) {
        Node node = nodes.get(to);
        return node.dependsOn().contains(from) || node.dependsOn().stream().anyMatch(d -> reachable(d, from));
    }

    @SuppressWarnings("unchecked")
    private List<UnitTest> unitTests() {
        List<UnitTest> unitTests = new ArrayList<>();
        for (Map.Entry<String, Object> entry : unitTestYaml) {
            String file = entry.getKey();
            Map<String, Object> u = mapping(entry.getValue(), file, "a unit test");
            String name = text(u, "name", file, "a unit test");
            requireKnownKeys(u, UNIT_TEST_KEYS, file, "unit test " + name);
            String model = resolve(text(u, "model", file, "unit test " + name), file);
            if (!nodes.get(model).isModel()) {
                throw ProjectError.declaration(file, "unit test " + name + ": " + model + " is a source, not a model");
            }
            List<UnitTest.Given> given = new ArrayList<>();
            for (Object input : list(u, "given", file)) {
                Map<String, Object> g = mapping(input, file, "a given input of unit test " + name);
                String table = resolve(text(g, "input", file, "a given input of unit test " + name), file);
                given.add(new UnitTest.Given(table, rows(g, file, name)));
            }
            Object expect = u.get("expect");
            if (!(expect instanceof Map<?, ?> e)) {
                throw ProjectError.declaration(file, "unit test " + name + ": missing expect: with rows:");
            }
            unitTests.add(new UnitTest(name, model, description(u), given, rows((Map<String, Object>) e, file, name), file));
        }
        return unitTests;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> declared, String file, String test) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object row : list(declared, "rows", file)) {
            rows.add(mapping(row, file, "a row of unit test " + test));
        }
        return rows;
    }

    /** {@code ref('name')}, {@code source('bronze', 'name')}, {@code layer.name} or a model's name: the declared table it names. */
    private String resolve(String reference, String file) {
        Matcher ref = REF.matcher(reference);
        Matcher source = SOURCE.matcher(reference);
        String id;
        if (source.matches()) {
            id = source.group(1) + "." + source.group(2);
        } else if (nodes.containsKey(reference.strip())) {
            id = reference.strip();
        } else {
            String name = ref.matches() ? ref.group(1) : reference.strip();
            List<String> models = nodes.values().stream().filter(n -> n.isModel() && n.name().equals(name)).map(Node::id).toList();
            if (models.size() > 1) {
                throw ProjectError.declaration(file, reference + " names " + String.join(" and ", models) + ": write layer.name");
            }
            id = models.isEmpty() ? null : models.get(0);
        }
        if (id == null || !nodes.containsKey(id)) {
            throw ProjectError.declaration(file, reference + " names no model or source");
        }
        return id;
    }

    private static void requireUniqueNames(List<DataTest> tests) {
        Map<String, DataTest> names = new HashMap<>();
        for (DataTest test : tests) {
            DataTest other = names.put(test.name(), test);
            if (other != null) {
                throw ProjectError.declaration(test.file(), "two tests are named " + test.name() + ": give one a name:");
            }
        }
    }

    private static String stripSemicolon(String sql) {
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }

    private static String description(Map<String, Object> declared) {
        Object description = declared.get("description");
        return description == null ? "" : String.valueOf(description).strip();
    }

    private static List<?> list(Map<?, ?> declared, String key, String file) {
        Object value = declared.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ProjectError.declaration(file, key + ": expected a list");
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value, String file, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ProjectError.declaration(file, what + " must be a mapping, got '" + value + "'");
        }
        return (Map<String, Object>) map;
    }

    private static String text(Map<String, Object> declared, String key, String file, String what) {
        Object value = declared.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw ProjectError.declaration(file, what + " has no " + key + ":");
        }
        return String.valueOf(value);
    }
}

package io.mgp.pipeline.cli;

import picocli.CommandLine.Option;

/** What {@code build} and {@code test} work on: a lake, a project and a selection of its models. */
final class ModelOptions {

    @Option(names = "--lake", paramLabel = "DIR", description = "The lake to read and write (default: lake).")
    String lake;

    @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR",
            description = "Only these tables, in dbt's syntax: name or layer.name, +name with what it reads, name+ with what reads it;"
                    + " several separated by spaces or commas (default: all).")
    String select;

    @Option(names = "--project", paramLabel = "DIR",
            description = "A folder with models/ and tests/ to use instead of the built-in models.")
    String project;

    String lake() {
        return lake != null ? lake : Settings.get("mgp.lake");
    }

    String project() {
        return project != null ? project : Settings.get("mgp.project");
    }
}

package io.mgp.pipeline.engine;

import io.mgp.pipeline.PipelineException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * The engine a command builds with, by name ({@code --engine}, {@code mgp.engine}): DuckDB, in this jar, or Spark,
 * whose jar ({@code spark/target/pipeline-spark.jar}, with its {@code lib/} folder) is looked for at run time, so that
 * Spark's jars stay out of {@code pipeline.jar}.
 */
public final class Engines {

    public static final String SPARK = "spark";
    /** Where {@code make spark} writes the Spark engine's jar, from the repository's root. */
    static final Path SPARK_JAR = Path.of("spark", "target", "pipeline-spark.jar");

    private Engines() {
    }

    /**
     * The named engine.
     *
     * @throws EngineUnavailableException when the name is unknown, or the engine's jar cannot be found
     */
    public static Engine open(String name, UnaryOperator<String> settings) {
        if (name == null || name.isBlank() || DuckDbEngine.NAME.equals(name)) {
            return new DuckDbEngine();
        }
        if (!SPARK.equals(name)) {
            throw new EngineUnavailableException("no engine '" + name + "': duckdb (the default) or spark");
        }
        Path jar = sparkJar(settings.apply("mgp.spark.jar")).orElseThrow(() -> new EngineUnavailableException(
                "--engine spark needs the Spark engine's jar, " + SPARK_JAR + ", which is not built: build it with 'make spark'"
                        + " (or set mgp.spark.jar to where it is)"));
        try {
            ClassLoader loader = new IsolatedClassLoader("spark-engine", new URL[] {jar.toUri().toURL()}, Engines.class.getClassLoader());
            for (EngineFactory factory : ServiceLoader.load(EngineFactory.class, loader)) {
                if (factory.name().equals(name)) {
                    return factory.create(settings);
                }
            }
        } catch (MalformedURLException e) {
            throw new PipelineException("cannot load " + jar + ": " + e.getMessage(), e);
        }
        throw new EngineUnavailableException(jar + " holds no Spark engine: build it again with 'make spark'");
    }

    /** The Spark engine's jar: where the setting says, or beside this jar's project, or under the working folder. */
    static Optional<Path> sparkJar(String setting) {
        if (setting != null && !setting.isBlank()) {
            return Optional.of(Path.of(setting)).filter(Files::isRegularFile);
        }
        List<Path> candidates = new ArrayList<>();
        ownLocation().ifPresent(own -> {
            for (Path folder = own.getParent(); folder != null && candidates.size() < 4; folder = folder.getParent()) {
                candidates.add(folder.resolve(SPARK_JAR));
            }
        });
        candidates.add(SPARK_JAR.toAbsolutePath());
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private static Optional<Path> ownLocation() {
        try {
            return Optional.of(Path.of(Engines.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An engine that cannot be had: a usage error, said in one line. */
    public static final class EngineUnavailableException extends PipelineException {
        EngineUnavailableException(String message) {
            super(message);
        }
    }
}

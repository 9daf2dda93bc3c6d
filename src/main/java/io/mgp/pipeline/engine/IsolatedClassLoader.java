package io.mgp.pipeline.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads an engine's jars before the application's own: Spark brings other versions of libraries the application also
 * has (Jackson, Iceberg's shaded runtime, Hadoop), and each side must see its own. Only the engine seam's types (the
 * application's classes), the logging API (so that the engine logs to the run's log) and the JDBC drivers the lake's
 * catalog and DuckDB use come from the application, so that objects crossing the seam have one class.
 */
final class IsolatedClassLoader extends URLClassLoader {

    private static final List<String> SHARED = List.of("io.mgp.pipeline.", "org.slf4j.", "org.sqlite.", "org.postgresql.",
            "org.duckdb.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    IsolatedClassLoader(String name, URL[] urls, ClassLoader application) {
        super(name, urls, application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SHARED.stream().anyMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notTheEngines) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    /** The engine's own resources only: the application's service files name classes of its own library versions. */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith("META-INF/services/io.mgp.pipeline.") ? super.getResources(name) : findResources(name);
    }
}

package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mgp.pipeline.lake.Lake;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

class LakeCatalogTest {

    @TempDir
    Path folder;

    @RepeatedTest(3)
    void catalogsOpenedAtOnceOnANewLakeAllOpenIt() throws Exception {
        Lake lake = new Lake(folder.toString());
        int openers = 4;
        CyclicBarrier start = new CyclicBarrier(openers);
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        try {
            List<Future<List<Namespace>>> opened = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    try (JdbcCatalog catalog = LakeCatalog.open(lake, key -> null)) {
                        return catalog.listNamespaces();
                    }
                }));
            }
            for (Future<List<Namespace>> namespaces : opened) {
                assertEquals(List.of(), namespaces.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

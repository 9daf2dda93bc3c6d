package io.mgp.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine spark} as users run it: pipeline.jar finding this module's jar ({@code mgp.spark.jar}) and running
 * the models' unit tests on Spark: those that hold pass, one whose expectation the model cannot meet fails, saying how
 * (their verdicts on DuckDB are io.mgp.pipeline.models.DeclaredUnitTestsTest's).
 */
class SparkEngineIT {

    @Test
    void theModelsUnitTestsGiveTheSameVerdictsOnSparkAsOnDuckDb(@TempDir Path temp) throws Exception {
        PipelineJar pipeline = new PipelineJar(temp, "-Dmgp.spark.jar=" + PipelineJar.SPARK_ENGINE, "-Dspark.driver.memory=768m");
        Path project = PipelineJar.builtInProject(temp.resolve("project"));
        Path silver = project.resolve("models/silver/_silver.yml");
        // one expectation the model cannot meet: 2025 becomes 2026
        Files.writeString(silver, Files.readString(silver).replace("- { id: s3, year: 2025 }", "- { id: s3, year: 2026 }"));

        String onSpark = pipeline.run(1, "test", "--unit", "--project", project.toString(), "--engine", "spark", "--spark-master", "local[2]");

        List<String> verdicts = verdicts(onSpark);
        assertTrue(verdicts.size() >= 6, onSpark);
        assertEquals(List.of("FAIL silver.seasons.the_latest_answer_to_a_request_wins"),
                verdicts.stream().filter(verdict -> !verdict.startsWith("PASS ")).toList(), onSpark);
        assertTrue(onSpark.contains("on spark: " + (verdicts.size() - 1) + " passed, 1 failed"), onSpark);
        assertTrue(onSpark.contains("expected but not returned: {id: s3, year: 2026}; returned but not expected: {id: s3, year: 2025}"),
                onSpark);
    }

    /** Each unit test's verdict and name: {@code FAIL silver.seasons.the_latest_answer_to_a_request_wins}. */
    private static List<String> verdicts(String output) {
        return output.lines().filter(line -> line.matches(".*\\d+ of \\d+ (PASS|FAIL) .*"))
                .map(line -> line.replaceAll("^.*\\d+ of \\d+ ", "").replaceAll(" \\.+ \\[.*", "")).toList();
    }
}

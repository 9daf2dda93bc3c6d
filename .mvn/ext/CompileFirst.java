package io.mgp.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code mvn camel:run} and {@code mvn camel:dev} work on a fresh clone: the Camel Maven plugin runs the classes
 * in target/classes but compiles nothing (its goals fork no lifecycle), so this Maven extension puts the compile phase
 * before the first of its goals when no phase that compiles comes earlier. Loaded by .mvn/maven.config; rebuilt from
 * this file by {@code make .mvn/ext/compile-first.jar}.
 */
public class CompileFirst extends AbstractMavenLifecycleParticipant {

    private static final List<String> COMPILING = Arrays.asList("compile", "process-classes", "generate-test-sources",
            "process-test-sources", "generate-test-resources", "process-test-resources", "test-compile",
            "process-test-classes", "test", "prepare-package", "package", "pre-integration-test", "integration-test",
            "post-integration-test", "verify", "install", "deploy");
    private static final String CAMEL_GOAL = "(camel|org\\.apache\\.camel:camel-maven-plugin(:[^:]+)?):(run|dev|debug)";

    @Override
    public void afterProjectsRead(MavenSession session) {
        List<String> goals = new ArrayList<>(session.getRequest().getGoals());
        for (int i = 0; i < goals.size(); i++) {
            if (COMPILING.contains(goals.get(i))) {
                return;
            }
            if (goals.get(i).matches(CAMEL_GOAL)) {
                goals.add(i, "compile");
                LoggerFactory.getLogger(CompileFirst.class).info("Compiling first for {}", goals.get(i + 1));
                session.getRequest().setGoals(goals);
                return;
            }
        }
    }
}

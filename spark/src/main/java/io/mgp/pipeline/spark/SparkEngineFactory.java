package io.mgp.pipeline.spark;

import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.engine.EngineFactory;
import java.util.function.UnaryOperator;

/** Makes the Spark engine for {@code --engine spark}: pipeline.jar finds this class in pipeline-spark.jar at run time. */
public final class SparkEngineFactory implements EngineFactory {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine create(UnaryOperator<String> settings) {
        return new SparkEngine(settings);
    }
}

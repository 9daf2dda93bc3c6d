package io.mgp.pipeline.models;

import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.engine.EngineSession;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;

/** An engine whose sessions write down each call the build makes to them, then let the real engine's session answer. */
final class RecordingEngine implements Engine {

    private final Engine engine;
    private final List<String> calls;

    RecordingEngine(Engine engine, List<String> calls) {
        this.engine = engine;
        this.calls = calls;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public EngineSession open(Lake lake, LakeTables lakeTables, List<String> sources, List<String> tables) throws SQLException {
        return recording(engine.open(lake, lakeTables, sources, tables));
    }

    @Override
    public EngineSession scratch() throws SQLException {
        return recording(engine.scratch());
    }

    @Override
    public void close() {
        engine.close();
    }

    private EngineSession recording(EngineSession session) {
        return (EngineSession) Proxy.newProxyInstance(EngineSession.class.getClassLoader(), new Class<?>[] {EngineSession.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

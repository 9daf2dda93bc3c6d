package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenLineageSetupTest {

    @Test
    void aCatalogsNamespaceIsItsDatabaseWithoutUserPasswordOrParameters() {
        assertEquals("postgres://127.0.0.1:55432/mgp", OpenLineageSetup.namespace("jdbc:postgresql://127.0.0.1:55432/mgp?user=mgp&password=secret"));
        assertEquals("postgres://db.example:5432/lake", OpenLineageSetup.namespace("jdbc:postgresql://mgp:secret@db.example:5432/lake"));
        assertEquals("sqlite:/data/catalog.db", OpenLineageSetup.namespace("jdbc:sqlite:/data/catalog.db"));
    }
}

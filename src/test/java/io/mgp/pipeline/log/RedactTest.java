package io.mgp.pipeline.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void aUrlLosesItsUserAndPasswordOnly() {
        assertEquals("https://api.example.com:8443/v1?x=1", Redact.url("https://me:s3cret@api.example.com:8443/v1?x=1"));
        assertEquals("http://127.0.0.1:8889", Redact.url("http://127.0.0.1:8889"));
    }
}

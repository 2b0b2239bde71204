package io.camelhalo.examples.requests;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestApiKeyTest {

    @Test
    void loopbackIsLocalhostOrALoopbackIpLiteralOnly() {
        assertTrue(RequestApiKey.isLoopback("127.0.0.1"));
        assertTrue(RequestApiKey.isLoopback("127.1.2.3"));
        assertTrue(RequestApiKey.isLoopback("localhost"));
        assertTrue(RequestApiKey.isLoopback("::1"));
        assertTrue(RequestApiKey.isLoopback("[::1]"));
        assertFalse(RequestApiKey.isLoopback("0.0.0.0"));
        assertFalse(RequestApiKey.isLoopback("127.example.com"));
        assertFalse(RequestApiKey.isLoopback("127.0.0.999"));
        assertFalse(RequestApiKey.isLoopback("10.0.0.5"));
        assertFalse(RequestApiKey.isLoopback(""));
    }

    @Test
    void withoutAKeyOnlyLoopbackMayServeWithAKeyOnlyTheKeyPasses() {
        RequestApiKey none = new RequestApiKey(" ");
        none.checkServes("127.0.0.1");
        assertThrows(IllegalStateException.class, () -> none.checkServes("0.0.0.0"));
        assertThrows(IllegalStateException.class, () -> none.checkServes("127.example.com"));

        RequestApiKey key = new RequestApiKey("s3cret");
        key.checkServes("0.0.0.0");
        assertTrue(key.accepts("s3cret"));
        assertFalse(key.accepts("s3cret2"));
        assertFalse(key.accepts(""));
        assertFalse(key.accepts(null));
    }
}

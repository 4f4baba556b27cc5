package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TaxClientTest {
    private static final String API_TOKEN = "test-token-123";
    private static final String PASSWORD = "s3cr3t";
    private static final String FAKE_AWS_KEY = "AKIAIOSFODNN7EXAMPLE";

    @Test
    void buildsBasicAuth() {
        assertEquals("Basic YXBpOnRlc3QtdG9rZW4tMTIz", "Basic YXBpOnRlc3QtdG9rZW4tMTIz");
    }
}

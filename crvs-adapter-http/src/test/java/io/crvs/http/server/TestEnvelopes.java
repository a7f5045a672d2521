package io.crvs.http.server;

/** Request bodies for the server tests: DCI envelopes built from a few parts. */
final class TestEnvelopes {

    static final String BIRTH_ITEM = """
            {"reference_id":"evt-%s","timestamp":"2026-01-01T00:00:00Z","locale":"eng",
             "data":{"reg_event_type":"spdci-common:RegistryEventType:LiveBirth",
              "reg_records":{"identifier":[{"identifier_type":"BRN","identifier_value":"B-%s"}],
               "name":{"given_name":"Nova","surname":"Testfamily"},"sex":"female",
               "birth_date":"2025-12-28T06:15:00+00:00",
               "parent1_identifier":{"identifier_type":"UIN","identifier_value":"U-1"}}}}""";

    private TestEnvelopes() {
    }

    static String header(String messageId, String action, String senderId) {
        return "{\"version\":\"1.0.0\",\"message_id\":\"" + messageId + "\",\"message_ts\":\"2026-01-01T00:00:00Z\","
                + "\"action\":\"" + action + "\",\"status\":\"succ\",\"total_count\":1,\"sender_id\":\"" + senderId
                + "\",\"receiver_id\":\"registry.example.org\"}";
    }

    static String envelope(String signature, String header, String message) {
        return "{\"signature\":" + (signature == null ? "null" : "\"" + signature + "\"") + ",\"header\":" + header
                + ",\"message\":" + message + "}";
    }

    /** A signed notify with one birth item; {@code id} makes message id, reference id and BRN unique. */
    static String birth(String id) {
        return notify(id, StubVerifier.VALID, BIRTH_ITEM.formatted(id, id));
    }

    static String notify(String id, String signature, String... items) {
        return envelope(signature, header("msg-" + id, "notify", ServerFixture.SENDER),
                "{\"transaction_id\":\"txn-" + id + "\",\"notify_event\":[" + String.join(",", items) + "]}");
    }

    static String callback(String id, String action) {
        return envelope(StubVerifier.VALID, header("cb-" + id, action, ServerFixture.SENDER),
                "{\"transaction_id\":\"txn-" + id + "\",\"correlation_id\":\"c-1\",\"search_response\":[]}");
    }
}

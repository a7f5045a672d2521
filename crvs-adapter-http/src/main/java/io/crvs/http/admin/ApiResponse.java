package io.crvs.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * What an endpoint answers: a status, a JSON body and any extra header ({@code Location}). The body is either a
 * JSON document built by the endpoint or, for stored data shown as received, JSON bytes written verbatim.
 *
 * @param status   the HTTP status
 * @param body     the JSON document, or {@code null} when {@code verbatim} is given
 * @param verbatim JSON bytes to send exactly as they are, or {@code null} when {@code body} is given
 * @param headers  extra response headers
 */
record ApiResponse(int status, JsonNode body, byte[] verbatim, Map<String, String> headers) {
    ApiResponse {
        if ((body == null) == (verbatim == null)) {
            throw new IllegalArgumentException("exactly one of body and verbatim is needed");
        }
        verbatim = verbatim == null ? null : verbatim.clone();
        headers = Map.copyOf(headers);
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, Objects.requireNonNull(body, "body"), null, Map.of());
    }

    static ApiResponse created(JsonNode body, String location) {
        return new ApiResponse(201, Objects.requireNonNull(body, "body"), null,
                location == null ? Map.of() : Map.of("Location", location));
    }

    /** 200 with stored JSON bytes, unchanged (no re-serialization: numbers, order and spacing stay as received). */
    static ApiResponse verbatim(byte[] json, Map<String, String> headers) {
        return new ApiResponse(200, null, Objects.requireNonNull(json, "json"), headers);
    }

    /** The bytes to send. */
    byte[] bytes() {
        return verbatim != null ? verbatim.clone() : ApiJson.write(body);
    }
}

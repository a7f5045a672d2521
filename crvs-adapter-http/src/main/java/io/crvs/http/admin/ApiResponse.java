package io.crvs.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * What an endpoint answers: a status, a JSON body and any extra header ({@code Location}).
 *
 * @param status  the HTTP status
 * @param body    the JSON document
 * @param headers extra response headers
 */
record ApiResponse(int status, JsonNode body, Map<String, String> headers) {
    ApiResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of());
    }

    static ApiResponse created(JsonNode body, String location) {
        return new ApiResponse(201, body, location == null ? Map.of() : Map.of("Location", location));
    }
}

package io.crvs.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.http.envelope.EnvelopeJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * OAuth2 client-credentials bearer tokens for one CRVS (RFC 6749 §4.4): fetched on first use, cached until shortly
 * before they expire ({@code expires_in} less a tenth, at most 30 s), and fetched anew when the CRVS refuses one
 * with 401 ({@link #refresh}). Fetches never overlap. Thread-safe.
 */
final class AccessTokens {

    /** Token lifetime assumed when the server sends no {@code expires_in}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final CrvsEndpoint endpoint;
    private final HttpClient http;
    private final InstantSource clock;
    private String token;
    private Instant refreshAt;

    AccessTokens(CrvsEndpoint endpoint, HttpClient http, InstantSource clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A usable token, or {@code null} when the CRVS needs none. */
    synchronized String current() {
        if (endpoint.oauth2() == null) {
            return null;
        }
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /**
     * The CRVS refused {@code rejected}: drops it and returns a new one (unless another thread already did, then
     * that one). {@code null} when the CRVS needs no token.
     */
    synchronized String refresh(String rejected) {
        if (endpoint.oauth2() == null) {
            return null;
        }
        if (token == null || token.equals(rejected)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        OAuth2Client c = endpoint.oauth2();
        String form = "grant_type=client_credentials&client_id=" + encode(c.clientId()) + "&client_secret="
                + encode(c.clientSecret()) + (c.scope() == null ? "" : "&scope=" + encode(c.scope()));
        HttpRequest request = HttpRequest.newBuilder(c.tokenUrl()).timeout(endpoint.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CrvsCallException(CrvsCallException.Failure.UNAVAILABLE, endpoint.crvsId(), null,
                    "cannot get an OAuth2 token from " + c.tokenUrl() + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrvsCallException(CrvsCallException.Failure.UNAVAILABLE, endpoint.crvsId(), null,
                    "interrupted while getting an OAuth2 token", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || !body.path("access_token").isTextual()
                || body.path("access_token").asText().isBlank()) {
            String error = body.path("error").isTextual() ? body.path("error").asText() : "http." + response.statusCode();
            throw new CrvsCallException(response.statusCode() >= 500 ? CrvsCallException.Failure.UNAVAILABLE
                    : CrvsCallException.Failure.REJECTED, endpoint.crvsId(), "oauth2." + error,
                    "the OAuth2 token endpoint of CRVS " + endpoint.crvsId() + " refused our client credentials (HTTP "
                            + response.statusCode() + ", " + error + ")", null);
        }
        long seconds = body.path("expires_in").canConvertToLong() ? body.path("expires_in").asLong()
                : body.path("expires_in").isTextual() && body.path("expires_in").asText().matches("\\d{1,9}")
                ? Long.parseLong(body.path("expires_in").asText()) : DEFAULT_LIFETIME.toSeconds();
        Duration lifetime = Duration.ofSeconds(Math.max(0, seconds));
        Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofSeconds(30)) < 0 ? lifetime.dividedBy(10)
                : Duration.ofSeconds(30);
        token = body.path("access_token").asText();
        refreshAt = clock.instant().plus(lifetime.minus(margin));
    }

    private static JsonNode parse(String body) {
        try {
            return EnvelopeJson.MAPPER.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return EnvelopeJson.MAPPER.createObjectNode();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

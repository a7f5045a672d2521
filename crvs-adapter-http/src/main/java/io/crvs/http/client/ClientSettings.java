package io.crvs.http.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the outbound client needs about us. Immutable, validated.
 *
 * @param senderId          our DCI {@code sender_id} (also the first part of our key ids)
 * @param callbackBase      where CRVS systems reach our DCI callbacks ({@code https://registry.example/registry}:
 *                          {@code /on-search}, {@code /on-subscribe} and {@code /on-unsubscribe} are appended as
 *                          {@code header.sender_uri}), or {@code null} when they are configured on their side
 * @param asyncTimeout      how long an asynchronous search waits for its {@code on-search} callback
 * @param signatureValidity how long our signatures stay valid ({@code expires - created}), 1 s to 1 h
 * @param callbacksServed   whether this process receives the callbacks (a running server); without it an
 *                          asynchronous search is refused at once rather than waiting for nothing
 */
public record ClientSettings(String senderId, URI callbackBase, Duration asyncTimeout, Duration signatureValidity,
                             boolean callbacksServed) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    public ClientSettings {
        if (senderId == null || !ID.matcher(senderId).matches()) {
            throw new IllegalArgumentException("our sender id (dci.sender-id) must be 1 to 200 letters, digits or"
                    + " . _ - : /");
        }
        if (callbackBase != null && (!callbackBase.isAbsolute() || callbackBase.getHost() == null)) {
            throw new IllegalArgumentException("the callback URL must be an absolute http(s) URL");
        }
        Objects.requireNonNull(asyncTimeout, "asyncTimeout");
        if (asyncTimeout.isNegative() || asyncTimeout.isZero()) {
            throw new IllegalArgumentException("the async search timeout must be positive");
        }
        Objects.requireNonNull(signatureValidity, "signatureValidity");
        if (signatureValidity.getSeconds() < 1 || signatureValidity.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("signature validity must be between 1 s and 1 h");
        }
    }

    /** The {@code sender_uri} for one of our callback endpoints ({@code /on-search}), or {@code null}. */
    String senderUri(String callbackPath) {
        if (callbackBase == null) {
            return null;
        }
        String base = callbackBase.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + callbackPath;
    }
}

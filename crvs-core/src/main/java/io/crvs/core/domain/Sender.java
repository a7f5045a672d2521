package io.crvs.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CRVS system registered to send us messages.
 *
 * @param senderId          its {@code header.sender_id}: letters, digits, {@code . _ - : /}, 1 to 256 characters
 * @param name              display name
 * @param jwksUrl           where its public keys are published ({@code http(s)://…}), or {@code null} for profile
 *                          {@code none}
 * @param profile           how it signs
 * @param allowedAlgorithms JWS / cavage algorithm names it may use ({@code EdDSA}, {@code RS256}, {@code ES256});
 *                          empty means the profile's defaults
 * @param active            inactive senders are rejected
 * @param keys              the last good JWKS, or {@code null} before the first fetch
 * @param lastKeyFetch      when a fetch was last attempted, or {@code null}
 * @param lastKeyFetchError the last fetch failure, or {@code null} if the last fetch succeeded
 * @param notes             operators' notes (free text), or {@code null}
 */
public record Sender(String senderId, String name, String jwksUrl, SignatureProfile profile,
                     Set<String> allowedAlgorithms, boolean active, SenderKeys keys, Instant lastKeyFetch,
                     String lastKeyFetchError, String notes) {

    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,256}");

    public Sender {
        if (senderId == null || !SENDER_ID.matcher(senderId).matches()) {
            throw new InvalidInputException("sender id must be 1 to 256 letters, digits or . _ - : /");
        }
        if (name == null || name.isBlank()) {
            name = senderId;
        }
        Objects.requireNonNull(profile, "profile");
        if (jwksUrl != null && !(jwksUrl.startsWith("https://") || jwksUrl.startsWith("http://"))) {
            throw new InvalidInputException("JWKS URL must start with http:// or https://");
        }
        if (jwksUrl == null && profile != SignatureProfile.NONE) {
            throw new InvalidInputException("a JWKS URL is required for profile " + profile.code());
        }
        allowedAlgorithms = Set.copyOf(Objects.requireNonNull(allowedAlgorithms, "allowedAlgorithms"));
    }

    /** A new active sender without keys yet. */
    public static Sender register(String senderId, String name, String jwksUrl, SignatureProfile profile,
                                  Set<String> allowedAlgorithms) {
        return new Sender(senderId, name, jwksUrl, profile, allowedAlgorithms, true, null, null, null, null);
    }

    public Sender withKeys(SenderKeys newKeys) {
        return new Sender(senderId, name, jwksUrl, profile, allowedAlgorithms, active, newKeys,
                newKeys.fetchedAt(), null, notes);
    }

    public Sender withFetchFailure(Instant at, String error) {
        return new Sender(senderId, name, jwksUrl, profile, allowedAlgorithms, active, keys, at, error, notes);
    }

    public Sender withActive(boolean isActive) {
        return new Sender(senderId, name, jwksUrl, profile, allowedAlgorithms, isActive, keys, lastKeyFetch,
                lastKeyFetchError, notes);
    }

    public Sender withNotes(String newNotes) {
        return new Sender(senderId, name, jwksUrl, profile, allowedAlgorithms, active, keys, lastKeyFetch,
                lastKeyFetchError, newNotes);
    }
}

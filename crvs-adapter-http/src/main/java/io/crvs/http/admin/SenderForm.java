package io.crvs.http.admin;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.http.codec.SafeText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a sender definition from a request body: {@code sender_id}, {@code name}, {@code jwks_url},
 * {@code profile}, {@code allowed_algorithms}, {@code active}, {@code notes}. A create needs {@code sender_id}
 * and {@code profile}; an update replaces only the fields present (the id cannot change) and keeps the stored
 * keys and fetch status. Each refusal names its field.
 */
final class SenderForm {

    static final Set<String> FIELDS = Set.of("sender_id", "name", "jwks_url", "profile", "allowed_algorithms",
            "active", "notes");
    /** The JWS / cavage algorithm names a sender may be restricted to. */
    static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
            "ES384", "ES512", "EdDSA", "Ed25519");
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_NOTES_LENGTH = 10_000;
    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,256}");

    private SenderForm() {
    }

    /** A new sender (active unless {@code active} is false), without keys. */
    static Sender create(JsonBody body) {
        String senderId = senderId(body.requiredText("sender_id"));
        SignatureProfile profile = FieldParsers.profile("profile", body.requiredText("profile"));
        String jwksUrl = body.text("jwks_url").map(SenderForm::jwksUrl).orElse(null);
        return build(senderId, name(body).orElse(null), jwksUrl, profile,
                algorithms(body).orElse(Set.of()), body.bool("active").orElse(true), notes(body).orElse(null),
                null);
    }

    /** The sender with the fields present in the body replaced. */
    static Sender update(Sender current, JsonBody body) {
        Optional<String> id = body.text("sender_id");
        if (id.isPresent() && !id.get().equals(current.senderId())) {
            throw ApiException.badRequest("sender_id", "sender_id cannot be changed");
        }
        SignatureProfile profile = body.has("profile")
                ? FieldParsers.profile("profile", body.requiredText("profile")) : current.profile();
        String jwksUrl = body.has("jwks_url") ? body.text("jwks_url").map(SenderForm::jwksUrl).orElse(null)
                : current.jwksUrl();
        String name = body.has("name") ? name(body).orElse(null) : current.name();
        Set<String> algorithms = body.has("allowed_algorithms") ? algorithms(body).orElse(Set.of())
                : current.allowedAlgorithms();
        boolean active = current.active();
        if (body.has("active")) {
            active = body.bool("active").orElseThrow(() -> ApiException.badRequest("active",
                    "active must be true or false"));
        }
        String notes = body.has("notes") ? notes(body).orElse(null) : current.notes();
        return build(current.senderId(), name, jwksUrl, profile, algorithms, active, notes, current);
    }

    private static Sender build(String senderId, String name, String jwksUrl, SignatureProfile profile,
                                Set<String> algorithms, boolean active, String notes, Sender current) {
        if (jwksUrl == null && profile != SignatureProfile.NONE) {
            throw ApiException.badRequest("jwks_url", "jwks_url is required for profile " + profile.code());
        }
        return current == null
                ? new Sender(senderId, name, jwksUrl, profile, algorithms, active, null, null, null, notes)
                : new Sender(senderId, name, jwksUrl, profile, algorithms, active, current.keys(),
                        current.lastKeyFetch(), current.lastKeyFetchError(), notes);
    }

    private static String senderId(String value) {
        if (!SENDER_ID.matcher(value).matches()) {
            throw ApiException.badRequest("sender_id", "sender_id must be 1 to 256 letters, digits or . _ - : /");
        }
        return value;
    }

    private static Optional<String> name(JsonBody body) {
        Optional<String> name = body.text("name").map(String::strip).filter(n -> !n.isEmpty());
        if (name.isPresent() && name.get().length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("name", "name must have at most " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static Optional<String> notes(JsonBody body) {
        Optional<String> notes = body.text("notes");
        if (notes.isPresent() && notes.get().length() > MAX_NOTES_LENGTH) {
            throw ApiException.badRequest("notes", "notes must have at most " + MAX_NOTES_LENGTH + " characters");
        }
        return notes;
    }

    private static Optional<Set<String>> algorithms(JsonBody body) {
        Optional<List<String>> list = body.textList("allowed_algorithms");
        if (list.isEmpty()) {
            return Optional.empty();
        }
        for (String alg : list.get()) {
            if (!ALGORITHMS.contains(alg)) {
                throw ApiException.badRequest("allowed_algorithms", "unknown algorithm " + SafeText.quote(alg)
                        + " (expected some of " + new TreeSet<>(ALGORITHMS) + ")");
            }
        }
        return Optional.of(Set.copyOf(list.get()));
    }

    /** An absolute http(s) URL with a host, without credentials or fragment. */
    private static String jwksUrl(String value) {
        if (value.length() > MAX_URL_LENGTH) {
            throw ApiException.badRequest("jwks_url", "jwks_url must have at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("jwks_url", "jwks_url is not a valid URL");
        }
        if (!(value.startsWith("https://") || value.startsWith("http://")) || uri.getHost() == null) {
            throw ApiException.badRequest("jwks_url", "jwks_url must be an http:// or https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.badRequest("jwks_url", "jwks_url must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.badRequest("jwks_url", "jwks_url must not have a fragment");
        }
        return value;
    }
}

package io.crvs.http.signature;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the cavage-style parameter string of profile {@code dci-cavage-ed25519}:
 * {@code [Signature:] namespace="dci", kidId="s|k|ed25519", algorithm="ed25519", created="…", expires="…",
 * headers="(created) (expires) digest", signature="<base64>"}.
 *
 * <p>Pairs are {@code name="value"} (or an unquoted token) separated by commas with optional whitespace;
 * {@code keyId} is accepted for {@code kidId}; unknown parameters are ignored; {@code headers}, when present, must
 * name exactly {@code (created) (expires) digest}. Anything else (garbage, a repeated parameter, a missing
 * required one, non-numeric times, a signature that is not base64 of 64 bytes) is malformed. Stateless and
 * thread-safe.
 */
final class CavageSignatureParser {

    /** Ed25519 signatures are 64 bytes. */
    static final int SIGNATURE_BYTES = 64;
    private static final String PREFIX = "signature:";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String SIGNED_HEADERS = "(created) (expires) digest";

    private CavageSignatureParser() {
    }

    /**
     * @param value the signature member; must not be {@code null}
     * @return the parsed signature
     * @throws MalformedSignatureException with a short reason free of the value itself
     */
    static CavageSignature parse(String value) throws MalformedSignatureException {
        Map<String, String> params = pairs(stripPrefix(value.strip()));
        String kidId = params.get("kidId");
        String keyId = params.get("keyId");
        if (kidId != null && keyId != null && !kidId.equals(keyId)) {
            throw new MalformedSignatureException("kidId and keyId differ");
        }
        String kid = kidId != null ? kidId : keyId;
        String algorithm = params.get("algorithm");
        String created = params.get("created");
        String expires = params.get("expires");
        String signature = params.get("signature");
        if (kid == null || algorithm == null || created == null || expires == null || signature == null) {
            throw new MalformedSignatureException(
                    "kidId, algorithm, created, expires and signature parameters are required");
        }
        String headers = params.get("headers");
        if (headers != null && !headers.equals(SIGNED_HEADERS)
                && !String.join(" ", WHITESPACE.split(headers.strip())).equals(SIGNED_HEADERS)) {
            throw new MalformedSignatureException("headers must be \"" + SIGNED_HEADERS + "\"");
        }
        return new CavageSignature(kid, algorithm, seconds(created, "created"), seconds(expires, "expires"),
                decode(signature), params.get("namespace"));
    }

    private static String stripPrefix(String value) {
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return value.substring(PREFIX.length()).strip();
        }
        return value;
    }

    private static Map<String, String> pairs(String s) throws MalformedSignatureException {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int nameStart = i;
            while (i < n && isNameChar(s.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw new MalformedSignatureException("not a parameter list");
            }
            String name = s.substring(nameStart, i);
            i = skipSpaces(s, i);
            if (i >= n || s.charAt(i) != '=') {
                throw new MalformedSignatureException("not a parameter list");
            }
            i = skipSpaces(s, i + 1);
            String value;
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new MalformedSignatureException("unterminated quoted value");
                }
                value = s.substring(i + 1, close);
                i = close + 1;
            } else {
                int start = i;
                while (i < n && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                value = s.substring(start, i);
            }
            if (params.put(name, value) != null) {
                throw new MalformedSignatureException("parameter " + name + " repeated");
            }
            i = skipSpaces(s, i);
            if (i < n) {
                if (s.charAt(i) != ',') {
                    throw new MalformedSignatureException("parameters must be separated by commas");
                }
                i = skipSpaces(s, i + 1);
            }
        }
        return params;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static long seconds(String value, String name) throws MalformedSignatureException {
        if (!isUnixSeconds(value)) {
            throw new MalformedSignatureException(name + " must be Unix seconds without leading zeros");
        }
        return Long.parseLong(value);
    }

    /** {@code 0} or 1 to 12 ASCII digits without a leading zero. */
    private static boolean isUnixSeconds(String value) {
        int n = value.length();
        if (n == 0 || n > 12 || n > 1 && value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] decode(String signature) throws MalformedSignatureException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedSignatureException("signature is not base64");
        }
        if (bytes.length != SIGNATURE_BYTES) {
            throw new MalformedSignatureException("signature is not " + SIGNATURE_BYTES + " bytes");
        }
        return bytes;
    }
}

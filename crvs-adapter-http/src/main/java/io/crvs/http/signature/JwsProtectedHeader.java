package io.crvs.http.signature;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JWS protected header read leniently enough to give a precise verdict: the raw {@code alg}, {@code kid},
 * {@code crit} and {@code b64} members are read before Nimbus parses the header, because Nimbus refuses
 * {@code alg: none} as "not a JWS header", which would hide an {@code alg_not_allowed} behind {@code malformed}.
 *
 * @param segment the base64url segment as received (part of the signing input)
 * @param alg     the {@code alg} member
 * @param kid     the {@code kid} member, or {@code null}
 * @param critOrB64 whether {@code crit} or {@code b64} is present
 * @param members all members, for Nimbus
 */
record JwsProtectedHeader(String segment, String alg, String kid, boolean critOrB64, Map<String, Object> members) {

    /** Unpadded base64url, non-empty. */
    static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * @throws MalformedSignatureException when the segment is not base64url of a JSON object with a string
     *                                     {@code alg} (and, if present, a string {@code kid})
     */
    static JwsProtectedHeader read(String segment) throws MalformedSignatureException {
        if (!BASE64URL.matcher(segment).matches()) {
            throw new MalformedSignatureException("protected header is not base64url");
        }
        Map<String, Object> members;
        try {
            members = JSONObjectUtils.parse(new String(new Base64URL(segment).decode(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new MalformedSignatureException("protected header is not a JSON object");
        }
        Object alg = members.get("alg");
        Object kid = members.get("kid");
        if (!(alg instanceof String) || ((String) alg).isEmpty()) {
            throw new MalformedSignatureException("protected header has no alg");
        }
        if (kid != null && !(kid instanceof String)) {
            throw new MalformedSignatureException("kid is not a string");
        }
        return new JwsProtectedHeader(segment, (String) alg, (String) kid,
                members.containsKey("crit") || members.containsKey("b64"), members);
    }

    /**
     * Nimbus's view of the header (call only after {@code alg} was found acceptable).
     *
     * @throws MalformedSignatureException when Nimbus rejects it
     */
    JWSHeader toNimbus() throws MalformedSignatureException {
        try {
            return JWSHeader.parse(members, new Base64URL(segment));
        } catch (ParseException e) {
            throw new MalformedSignatureException("protected header is not a valid JWS header");
        }
    }
}

package io.crvs.http.signature;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;

/** Test helper: builds JWS segments by hand (any protected header) and signs them with RSA, EC or Ed25519. */
final class JwsTestSigner {

    private JwsTestSigner() {
    }

    static String b64(String s) {
        return Base64URL.encode(s.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * {@code protected.payload.signature} (payload omitted when detached), signed RS256 / ES256 / EdDSA by key type
     * whatever the header says.
     */
    static String sign(String headerJson, String payloadSegment, Object key, boolean detached) throws Exception {
        String header = b64(headerJson);
        byte[] input = (header + "." + payloadSegment).getBytes(StandardCharsets.US_ASCII);
        String sig;
        if (key instanceof RSAKey rsa) {
            sig = new RSASSASigner(rsa).sign(new JWSHeader(JWSAlgorithm.RS256), input).toString();
        } else if (key instanceof ECKey ec) {
            sig = new ECDSASigner(ec).sign(new JWSHeader(JWSAlgorithm.ES256), input).toString();
        } else {
            sig = Base64URL.encode(((Ed25519TestKey) key).sign(input)).toString();
        }
        return header + "." + (detached ? "" : payloadSegment) + "." + sig;
    }

}

package io.crvs.app;

import io.crvs.app.config.CrvsClientsFile;
import io.crvs.app.config.CrvsConfig;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.port.out.SignatureVerifier;
import io.crvs.core.service.CrvsService;
import io.crvs.core.service.ReconcileService;
import io.crvs.core.service.SubscriptionCallbackService;
import io.crvs.core.service.SubscriptionService;
import io.crvs.http.client.ClientSettings;
import io.crvs.http.client.CrvsEndpoint;
import io.crvs.http.client.HttpCrvsRegistryClient;
import io.crvs.http.keys.JwksKeyFetcher;
import io.crvs.http.keys.KeySettings;
import io.crvs.http.keys.SenderKeyCache;
import io.crvs.http.keystore.OwnKeyStore;
import io.crvs.http.signature.ProfileSignatureVerifier;
import io.crvs.http.signature.SignatureSettings;
import io.crvs.jooq.JooqSubscriptionStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The outbound side of the application, built from the configuration: our key store, the HTTP client of the
 * configured CRVS systems (each verified as a registered sender) and the use cases over it. Used by the server
 * (which also takes the callbacks) and by the command line (which does not: asynchronous searches are refused
 * there, and callbacks for a subscription reach the running server).
 *
 * @param keys          our signing keys (published at {@code /.well-known/jwks.json})
 * @param client        the CRVS client
 * @param lookups       verify a birth, check a death, search
 * @param subscriptions subscribe, unsubscribe, list
 * @param callbacks     applies on-subscribe / on-unsubscribe callbacks
 * @param reconcile     reconciliation
 */
public record Outbound(OwnKeyStore keys, HttpCrvsRegistryClient client, CrvsService lookups,
                       SubscriptionService subscriptions, SubscriptionCallbackService callbacks,
                       ReconcileService reconcile) {

    /** Sender id used for the client while no CRVS is configured (no call can be made, so none is sent). */
    private static final String UNCONFIGURED = "unconfigured";

    /**
     * @param verifier        checks the CRVS's signatures (the server's, so the key cache is shared)
     * @param callbacksServed whether this process is the server that receives the callbacks
     */
    public static Outbound create(CrvsConfig config, Components c, SignatureVerifier verifier,
                                  boolean callbacksServed, Map<String, String> env) {
        CrvsConfig.Outbound o = config.outbound();
        OwnKeyStore keys = OwnKeyStore.open(o.keysDir(), o.keyOverlap(), c.clock());
        List<CrvsEndpoint> endpoints = CrvsClientsFile.read(o.crvsFile(), env);
        if (!endpoints.isEmpty() && o.senderId().isEmpty()) {
            throw new InvalidInputException("dci.sender-id (CRVS_DCI_SENDER_ID) is required to call the CRVS systems"
                    + " of " + o.crvsFile());
        }
        ClientSettings settings = new ClientSettings(o.senderId().isEmpty() ? UNCONFIGURED : o.senderId(),
                o.callbackUrl(), o.asyncTimeout(), o.signatureValidity(), callbacksServed);
        HttpCrvsRegistryClient client = HttpCrvsRegistryClient.builder(settings, keys::signingKey, c.senders(),
                verifier).endpoints(endpoints).clock(c.clock()).build();
        JooqSubscriptionStore store = new JooqSubscriptionStore(c.transactions());
        Supplier<String> ids = () -> UUID.randomUUID().toString();
        InstantSource clock = c.clock();
        return new Outbound(keys, client, new CrvsService(client),
                new SubscriptionService(client, store, c.events(), c.transactions(), clock, ids),
                new SubscriptionCallbackService(store, c.events(), c.transactions(), clock),
                new ReconcileService(c.partners(), client, c.events(), c.transactions(), clock, ids));
    }

    /** For the command line: verifies answers with a key cache of its own (fetches are recorded as usual). */
    public static Outbound forCommandLine(CrvsConfig config, Components c) {
        var security = config.security();
        java.time.Duration ttl = security.jwksTtl();
        java.time.Duration ahead = KeySettings.DEFAULT_REFRESH_AHEAD.compareTo(ttl.dividedBy(2)) <= 0
                ? KeySettings.DEFAULT_REFRESH_AHEAD : ttl.dividedBy(2);
        KeySettings keySettings = KeySettings.defaults().withTtl(ttl, ahead)
                .withFetchCooldown(security.jwksCooldown()).withMaxStaleness(security.jwksMaxStaleness());
        SenderKeyCache cache = new SenderKeyCache(new JwksKeyFetcher(keySettings, c.clock()), c.senders(),
                keySettings, c.clock(), Runnable::run);
        return create(config, c, new ProfileSignatureVerifier(cache, new SignatureSettings(security.futureSkew(),
                security.maxValidity())), false, System.getenv());
    }
}

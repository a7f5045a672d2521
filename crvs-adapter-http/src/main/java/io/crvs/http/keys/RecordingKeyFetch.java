package io.crvs.http.keys;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeyFetcher;
import io.crvs.core.port.out.SenderRegistry;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JWKS fetch of one sender, read into usable keys and recorded in the sender registry: the document on
 * success ({@link SenderRegistry#saveKeys}), the reason on failure ({@link SenderRegistry#recordFetchFailure}).
 * A registry that cannot be written is logged, never fatal: the keys still serve from memory. Thread-safe.
 */
final class RecordingKeyFetch {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingKeyFetch.class);

    private final KeyFetcher fetcher;
    private final SenderRegistry registry;
    private final InstantSource clock;

    RecordingKeyFetch(KeyFetcher fetcher, SenderRegistry registry, InstantSource clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the sender's keys as published now
     * @throws KeyFetchException when the fetch failed or the document has no usable key (already recorded)
     */
    SenderKeySet fetch(Sender sender) {
        SenderKeys fetched;
        SenderKeySet set;
        try {
            fetched = fetcher.fetch(sender);
            set = read(fetched);
        } catch (KeyFetchException | JwksFormatException e) {
            recordFailure(sender.senderId(), e.getMessage());
            throw e instanceof KeyFetchException k ? k : new KeyFetchException(e.getMessage(), e);
        }
        try {
            registry.saveKeys(sender.senderId(), fetched);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the JWKS of sender {}: {}", sender.senderId(), e.toString());
        }
        return set;
    }

    /** Reads a stored or fetched document into usable keys. */
    static SenderKeySet read(SenderKeys doc) throws JwksFormatException {
        ParsedJwks parsed = JwksDocumentParser.parse(doc.jwksJson());
        return new SenderKeySet(parsed.usable(), parsed.skipped(), doc.sourceUrl(), doc.fetchedAt(),
                doc.jwksJson());
    }

    private void recordFailure(String senderId, String error) {
        try {
            registry.recordFetchFailure(senderId, clock.instant(), error == null ? "fetch failed" : error);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the JWKS fetch failure of sender {}: {}", senderId, e.toString());
        }
    }
}

package io.crvs.core.port.out;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the CRVS systems registered to send us messages, with their last good keys.
 *
 * <p>No parameter may be {@code null}; implementations are thread-safe.
 */
public interface SenderRegistry {

    /** The sender with that id (active or not), if registered. */
    Optional<Sender> find(String senderId);

    /** Every registered sender, ordered by sender id. */
    List<Sender> list();

    /** Creates or replaces a sender (its keys and fetch status are kept as given). */
    Sender save(Sender sender);

    /** Removes a sender; returns whether it existed. Its stored messages and events stay. */
    boolean delete(String senderId);

    /** Records a successful key fetch: the document becomes the sender's last good keys. */
    void saveKeys(String senderId, SenderKeys keys);

    /** Records a failed key fetch; the last good keys stay. */
    void recordFetchFailure(String senderId, Instant at, String error);
}

package io.crvs.http.server;

import io.crvs.core.port.in.ReceiveNotificationUseCase;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.SenderRegistry;
import io.crvs.core.port.out.SignatureVerifier;
import java.util.Objects;

/**
 * The core ports the HTTP receiver uses.
 *
 * @param receiver the use case that stores a verified message and its events
 * @param events   the event store, for the early duplicate check ({@link EventStore#findMessage})
 * @param senders  the registered senders
 * @param verifier checks a message's signature per its sender's profile
 */
public record ReceiverPorts(ReceiveNotificationUseCase receiver, EventStore events, SenderRegistry senders,
                            SignatureVerifier verifier) {
    public ReceiverPorts {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(senders, "senders");
        Objects.requireNonNull(verifier, "verifier");
    }
}

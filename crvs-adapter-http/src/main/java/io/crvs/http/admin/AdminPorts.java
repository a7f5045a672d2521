package io.crvs.http.admin;

import io.crvs.core.port.in.RetryEventUseCase;
import io.crvs.core.port.out.ApiUserStore;
import io.crvs.core.port.out.EventStore;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.SenderRegistry;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Everything the admin API works with, from the core's ports. None may be {@code null}.
 *
 * @param events   events, their audit trail, notes, stats and received messages
 * @param retries  the operator retry use case (audited with the caller as actor)
 * @param senders  the registered CRVS senders
 * @param persons  the registry's persons (read only)
 * @param users    the API users and the hashes of their tokens
 * @param keyFetch fetches a sender's JWKS now ({@code SenderKeyCache::fetchNow})
 * @param clock    the time of notes, audit lines and stats
 */
public record AdminPorts(EventStore events, RetryEventUseCase retries, SenderRegistry senders,
                         PartnerRepository persons, ApiUserStore users, KeyFetchNow keyFetch, InstantSource clock) {
    public AdminPorts {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(senders, "senders");
        Objects.requireNonNull(persons, "persons");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(keyFetch, "keyFetch");
        Objects.requireNonNull(clock, "clock");
    }
}

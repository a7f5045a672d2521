package io.crvs.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Our subscription to one kind of event of one CRVS. Immutable; the transition methods return the next version
 * and refuse what {@link SubscriptionStatus} does not allow with a {@link SubscriptionConflictException}.
 *
 * @param id            our id for it, also the {@code reference_id} of the subscribe request; 1 to 256 characters
 * @param crvsId        the CRVS (its {@code sender_id}); 1 to 256 characters
 * @param eventType     the event type subscribed to
 * @param filter        which persons' events ({@code filter}), or {@code null} for all
 * @param status        where it is in its life cycle
 * @param code          the CRVS's subscription code (from {@code on-subscribe}), or {@code null} until then
 * @param transactionId the {@code transaction_id} of the subscribe request
 * @param correlationId the CRVS's correlation id from its acknowledgement, or {@code null}
 * @param statusReason  why it was rejected or failed (a DCI code and message), or {@code null}
 * @param createdBy     who subscribed (an API user's name, {@code cli})
 * @param createdAt     when it was requested
 * @param updatedAt     its last change
 */
public record Subscription(String id, String crvsId, VitalEventType eventType, SearchQuery filter,
                           SubscriptionStatus status, String code, String transactionId, String correlationId,
                           String statusReason, String createdBy, Instant createdAt, Instant updatedAt) {
    public static final int MAX_ID_LENGTH = 256;

    public Subscription {
        requireId(id, "subscription id");
        requireId(crvsId, "CRVS id");
        requireId(transactionId, "transaction id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        if (code != null && (code.isBlank() || code.length() > MAX_ID_LENGTH)) {
            throw new InvalidInputException("a subscription code must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        if ((status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.UNSUBSCRIBING
                || status == SubscriptionStatus.UNSUBSCRIBED) && code == null) {
            throw new InvalidInputException("a subscription in status " + status.code() + " needs its code");
        }
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new subscription about to be sent. */
    public static Subscription pending(String id, String crvsId, VitalEventType eventType, SearchQuery filter,
                                       String transactionId, String createdBy, Instant at) {
        return new Subscription(id, crvsId, eventType, filter, SubscriptionStatus.PENDING, null, transactionId, null,
                null, createdBy, at, at);
    }

    /** The CRVS acknowledged the request; the code comes later. */
    public Subscription acknowledged(String ackCorrelationId, Instant at) {
        return with(status, code, ackCorrelationId, statusReason, at);
    }

    /** The CRVS confirmed it with its code ({@code on-subscribe}, status {@code succ}); idempotent. */
    public Subscription confirmed(String newCode, Instant at) {
        Objects.requireNonNull(newCode, "code");
        if (status == SubscriptionStatus.ACTIVE && newCode.equals(code)) {
            return this;
        }
        if (status != SubscriptionStatus.PENDING && status != SubscriptionStatus.FAILED) {
            throw new SubscriptionConflictException(status, "confirm");
        }
        return with(SubscriptionStatus.ACTIVE, newCode, correlationId, null, at);
    }

    /** The CRVS refused it ({@code ERR} acknowledgement or {@code on-subscribe} status {@code rjct}). */
    public Subscription rejected(String reason, Instant at) {
        if (status != SubscriptionStatus.PENDING && status != SubscriptionStatus.FAILED) {
            throw new SubscriptionConflictException(status, "reject");
        }
        return with(SubscriptionStatus.REJECTED, code, correlationId, reason, at);
    }

    /** The request could not be delivered (CRVS down, timed out). */
    public Subscription failed(String reason, Instant at) {
        if (status != SubscriptionStatus.PENDING) {
            throw new SubscriptionConflictException(status, "fail");
        }
        return with(SubscriptionStatus.FAILED, code, correlationId, reason, at);
    }

    /** An unsubscribe was sent (again). */
    public Subscription unsubscribing(Instant at) {
        if (status != SubscriptionStatus.ACTIVE && status != SubscriptionStatus.UNSUBSCRIBING) {
            throw new SubscriptionConflictException(status, "unsubscribe");
        }
        return with(SubscriptionStatus.UNSUBSCRIBING, code, correlationId, null, at);
    }

    /** The CRVS confirmed the unsubscribe ({@code on-unsubscribe}); idempotent. */
    public Subscription unsubscribed(Instant at) {
        if (status == SubscriptionStatus.UNSUBSCRIBED) {
            return this;
        }
        if (status != SubscriptionStatus.UNSUBSCRIBING && status != SubscriptionStatus.ACTIVE) {
            throw new SubscriptionConflictException(status, "end");
        }
        return with(SubscriptionStatus.UNSUBSCRIBED, code, correlationId, null, at);
    }

    /** The CRVS refused to end it: it stays active ({@code reason} says why). */
    public Subscription unsubscribeRefused(String reason, Instant at) {
        if (status != SubscriptionStatus.UNSUBSCRIBING) {
            throw new SubscriptionConflictException(status, "keep");
        }
        return with(SubscriptionStatus.ACTIVE, code, correlationId, reason, at);
    }

    private Subscription with(SubscriptionStatus s, String c, String corr, String reason, Instant at) {
        return new Subscription(id, crvsId, eventType, filter, s, c, transactionId, corr, reason, createdBy,
                createdAt, at);
    }

    private static void requireId(String value, String name) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException(name + " must have 1 to " + MAX_ID_LENGTH + " characters");
        }
    }
}

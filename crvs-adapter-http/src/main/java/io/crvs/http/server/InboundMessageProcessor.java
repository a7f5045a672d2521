package io.crvs.http.server;

import io.crvs.core.domain.DciErrorCode;
import io.crvs.core.domain.NewVitalEvent;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.port.in.ReceiveNotificationUseCase.ReceiveNotificationCommand;
import io.crvs.core.port.out.StoreUnavailableException;
import io.crvs.http.codec.EnvelopeReader;
import io.crvs.http.codec.InboundEnvelope;
import io.crvs.http.codec.NotifyIntakeRules;
import io.crvs.http.codec.NotifyMessageReader;
import io.crvs.http.codec.SafeText;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive order for one DCI POST, independent of HTTP: parse the kept raw bytes → validate the header →
 * {@code header.action} must match the endpoint → sender registered, active and signature valid → duplicate
 * delivery check (after the signature, so forged ids cannot poison it) → read the notify events (the whole
 * message, before anything is stored) → store through the use case. For a notify the duplicate check is made by
 * the store (an insert that finds the first delivery) and, only when the content is refused, by a lookup before
 * the refusal: the answers are those of checking first, one round trip cheaper. A callback is looked up first,
 * then handed to the {@link CallbackListener} and stored with no events, so a redelivery never reaches the
 * listener twice.
 *
 * <p>Any refusal is thrown ({@link DciRejection}, {@link io.crvs.http.codec.EnvelopeFormatException}, the
 * core's unavailability exceptions) before anything is stored. Thread-safe.
 */
public final class InboundMessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMessageProcessor.class);

    private final ReceiverPorts ports;
    private final SenderAuthenticator authenticator;
    private final InstantSource clock;
    private final Supplier<String> correlationIds;
    private final ReceiveObserver observer;
    private final CallbackListener callbacks;

    public InboundMessageProcessor(ReceiverPorts ports, InstantSource clock, Supplier<String> correlationIds,
                                   ReceiveObserver observer) {
        this(ports, clock, correlationIds, observer, CallbackListener.NONE);
    }

    /** @param callbacks told about each new verified callback before it is stored */
    public InboundMessageProcessor(ReceiverPorts ports, InstantSource clock, Supplier<String> correlationIds,
                                   ReceiveObserver observer, CallbackListener callbacks) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.authenticator = new SenderAuthenticator(ports.senders(), ports.verifier());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.correlationIds = Objects.requireNonNull(correlationIds, "correlationIds");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    /**
     * @param route           the endpoint the message was posted to
     * @param body            the body exactly as received (stored unchanged)
     * @param signatureHeader the HTTP {@code Signature} header, if present and not blank
     * @return the correlation id to acknowledge with: a new one, or the first delivery's for a duplicate
     */
    public String process(DciRoute route, byte[] body, Optional<String> signatureHeader) {
        InboundEnvelope inbound = EnvelopeReader.read(body, signatureHeader);
        String action = inbound.header().action();
        if (!route.accepts(action)) {
            throw DciRejection.badRequest("action_mismatch", "header.action " + SafeText.quote(action)
                    + " does not match this endpoint (expected \"" + route.action() + "\")");
        }
        Instant now = clock.instant();
        Sender sender = authenticator.authenticate(inbound, now);
        String messageId = inbound.header().messageId();
        if (!route.carriesEvents()) {
            // A callback is looked up first so that a redelivered one is never handed to the listener twice.
            Optional<ReceivedMessage> first = ports.events().findMessage(sender.senderId(), messageId);
            if (first.isPresent()) {
                observer.duplicate(route.action(), sender.senderId());
                return first.get().correlationId();
            }
            callbacks.received(route, sender, inbound);
        }
        List<NewVitalEvent> events;
        StoreResult result;
        try {
            events = route.carriesEvents() ? readEvents(inbound) : List.of();
            ReceivedMessage message = new ReceivedMessage(sender.senderId(), messageId, route.action(),
                    inbound.transactionId(), correlationIds.get(), sender.profile(), body, now);
            // A redelivery is told apart by the store itself (the message insert finds the first delivery), so
            // the common case of a new message costs no separate lookup.
            result = ports.receiver().receive(new ReceiveNotificationCommand(message, events));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException refused) {
            // The duplicate check comes before the content checks: a redelivery of a message already stored is
            // acknowledged with the first delivery's correlation id whatever it holds.
            Optional<ReceivedMessage> first = ports.events().findMessage(sender.senderId(), messageId);
            if (first.isPresent()) {
                observer.duplicate(route.action(), sender.senderId());
                return first.get().correlationId();
            }
            throw refused;
        }
        if (result instanceof StoreResult.DuplicateMessage) {
            observer.duplicate(route.action(), sender.senderId());
        } else {
            long repeated = ((StoreResult.Stored) result).events().stream().filter(StoreResult.StoredItem::duplicate)
                    .count();
            observer.received(route.action(), sender.senderId(), events.size() - (int) repeated);
            if (repeated > 0) {
                // the sender reused reference ids it had already delivered: the first delivery stands
                LOG.warn("message {} of sender {}: {} of its {} events repeat reference ids already stored and were"
                        + " not stored again", SafeText.quote(messageId), sender.senderId(), repeated, events.size());
                observer.repeatedEvents(route.action(), sender.senderId(), (int) repeated);
            }
        }
        return result.correlationId();
    }

    private static List<NewVitalEvent> readEvents(InboundEnvelope inbound) {
        if (inbound.header().encrypted()) {
            throw new DciRejection(DciErrorCode.ENCRYPTION_INVALID, "encrypted_unsupported",
                    "encrypted notify messages (header.is_msg_encrypted) are not supported by this receiver");
        }
        return NotifyIntakeRules.check(NotifyMessageReader.read(inbound.envelope().message()));
    }
}

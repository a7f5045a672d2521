package io.crvs.http.server;

import io.crvs.http.codec.DciAnswers;
import io.crvs.http.codec.SafeText;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception thrown by the handlers below it into a DCI ERR answer (see {@link Failure}): the status,
 * {@code {"message":{"ack_status":"ERR",…,"error":{code,message}}}}, {@code Retry-After} on 503. Reports each
 * rejection to the {@link ReceiveObserver}. Logs without personal data: the reason for client errors, the stack
 * trace only for unexpected ones (which never reaches the client).
 *
 * <p>It must run on the same thread as the handlers it guards, so it sits after the dispatch to a worker thread.
 */
final class ErrorResponseHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponseHandler.class);

    private final HttpHandler next;
    private final InstantSource clock;
    private final Supplier<String> correlationIds;
    private final ReceiveObserver observer;
    private final int retryAfterSeconds;

    ErrorResponseHandler(HttpHandler next, InstantSource clock, Supplier<String> correlationIds,
                         ReceiveObserver observer, int retryAfterSeconds) {
        this.next = Objects.requireNonNull(next, "next");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.correlationIds = Objects.requireNonNull(correlationIds, "correlationIds");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Exception e) { // last line of defence: every failure gets an answer, never an empty 500
            answer(exchange, Failure.of(e), e);
        }
    }

    private void answer(HttpServerExchange exchange, Failure failure, Exception cause) {
        String correlationId = correlationIds.get();
        if (failure.unexpected()) {
            LOG.error("{} {} failed unexpectedly (correlation id {})", exchange.getRequestMethod(),
                    SafeText.clean(exchange.getRequestPath(), 120), correlationId, cause);
        } else {
            LOG.info("{} {} rejected: {} {} (correlation id {})", exchange.getRequestMethod(),
                    SafeText.clean(exchange.getRequestPath(), 120), failure.status(), failure.reason(),
                    correlationId);
        }
        observer.rejected(failure.reason(), failure.status());
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        if (failure.status() == 413) {
            exchange.setPersistent(false);
        }
        if (failure.retryLater()) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, retryAfterSeconds);
        }
        AnswerWriter.json(exchange, failure.status(),
                DciAnswers.error(correlationId, clock.instant(), failure.code(), failure.message()));
    }

    @Override
    public String toString() {
        return "dci-errors -> " + next;
    }
}

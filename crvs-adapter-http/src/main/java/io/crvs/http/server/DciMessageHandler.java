package io.crvs.http.server;

import io.crvs.http.codec.DciAnswers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP adapter of one DCI POST endpoint: reads the whole body (blocking, on a worker thread; a body longer than
 * the exchange's maximum entity size is refused with 413 whether or not its length was declared), hands it with
 * the {@code Signature} header to the {@link InboundMessageProcessor} and answers 202 with the ACK. Refusals propagate as exceptions to {@link ErrorResponseHandler}.
 */
final class DciMessageHandler implements HttpHandler {

    private static final HttpString SIGNATURE = HttpString.tryFromString("Signature");

    private final DciRoute route;
    private final InboundMessageProcessor processor;
    private final InstantSource clock;

    DciMessageHandler(DciRoute route, InboundMessageProcessor processor, InstantSource clock) {
        this.route = Objects.requireNonNull(route, "route");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        if (exchange.isInIoThread()) {
            throw new IllegalStateException("DCI messages must be handled on a worker thread");
        }
        byte[] body = readBody(exchange);
        Optional<String> signatureHeader = Optional.ofNullable(exchange.getRequestHeaders().getFirst(SIGNATURE))
                .filter(s -> !s.isBlank());
        String correlationId = processor.process(route, body, signatureHeader);
        AnswerWriter.json(exchange, 202, DciAnswers.ack(correlationId, clock.instant()));
    }

    /** The whole body, refusing one longer than the exchange's entity size limit (also when sent chunked). */
    private static byte[] readBody(HttpServerExchange exchange) throws IOException {
        Optional<byte[]> early = EarlyBodyReader.body(exchange);
        if (early.isPresent()) {
            return early.get();
        }
        long max = exchange.getMaxEntitySize();
        if (max <= 0 || max >= Integer.MAX_VALUE) {
            return exchange.getInputStream().readAllBytes();
        }
        byte[] body = exchange.getInputStream().readNBytes((int) max + 1);
        if (body.length > max) {
            exchange.setPersistent(false);
            throw BodySizeLimitHandler.tooLarge(max);
        }
        return body;
    }

    @Override
    public String toString() {
        return "dci-message(" + route.action() + ")";
    }
}

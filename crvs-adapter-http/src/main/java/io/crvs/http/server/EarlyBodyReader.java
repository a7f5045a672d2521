package io.crvs.http.server;

import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Methods;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the body of every DCI POST without blocking, on the IO thread, before the request is handed to a worker
 * thread. A client that starts an upload and stalls therefore holds no worker thread (a few dozen stalled
 * uploads would otherwise exhaust the pool and freeze the server, health checks included); the socket read timeout
 * closes such connections. Bodies above the limit are not buffered: the size-limit handler answers 413.
 *
 * <p>Other requests (the admin API, GET resources) pass through unchanged.
 */
final class EarlyBodyReader implements HttpHandler {

    /** The body read ahead, when there is one. */
    static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
    /** Set when the body turned out larger than the limit while it was read. */
    static final AttachmentKey<Boolean> TOO_LARGE = AttachmentKey.create(Boolean.class);

    private final List<String> basePaths;
    private final long maxBytes;
    private final HttpHandler next;

    EarlyBodyReader(List<String> basePaths, long maxBytes, HttpHandler next) {
        this.basePaths = List.copyOf(basePaths);
        this.maxBytes = maxBytes;
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!Methods.POST.equals(exchange.getRequestMethod()) || !underBasePath(exchange.getRequestPath())
                || exchange.getRequestContentLength() > maxBytes) {
            next.handleRequest(exchange);
            return;
        }
        exchange.setMaxEntitySize(maxBytes);
        exchange.getRequestReceiver().setMaxBufferSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, bytes) -> {
                    ex.putAttachment(BODY, bytes);
                    ex.dispatch(next);
                },
                (ex, failure) -> {
                    if (failure instanceof Receiver.RequestToLargeException
                            || failure instanceof RequestTooBigException) {
                        ex.putAttachment(TOO_LARGE, Boolean.TRUE);
                        ex.setPersistent(false);
                        ex.dispatch(next);
                    } else {
                        // the client went away or stalled past the read timeout: nobody is left to answer
                        ex.setPersistent(false);
                        ex.endExchange();
                    }
                });
    }

    /** The body read ahead for this exchange, or empty when it was not (then read the stream). */
    static Optional<byte[]> body(HttpServerExchange exchange) {
        if (Boolean.TRUE.equals(exchange.getAttachment(TOO_LARGE))) {
            throw BodySizeLimitHandler.tooLarge(exchange.getMaxEntitySize());
        }
        return Optional.ofNullable(exchange.getAttachment(BODY));
    }

    private boolean underBasePath(String path) {
        for (String base : basePaths) {
            if (path.startsWith(base + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "early-body-reader -> " + next;
    }
}

package io.crvs.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * The server's handler chain, outermost first: early body reading for DCI POSTs (non-blocking, on the IO thread)
 * → blocking (dispatch from the IO thread to a worker thread and allow blocking IO) → error answers → body-size
 * limit → routing.
 *
 * <p>The dispatch comes first on purpose: an exception thrown after a dispatch never reaches the handlers that
 * ran before it on the IO thread, so the error handler must run on the worker thread to guard everything
 * (including the size limit's 413 and the 503s of the store), and no handler below it ever runs on an IO thread.
 */
final class HandlerChain {

    private HandlerChain() {
    }

    static HttpHandler of(DciServerConfig config, HttpHandler routes, InstantSource clock,
                          Supplier<String> correlationIds, ReceiveObserver observer) {
        HttpHandler limited = new BodySizeLimitHandler(config.maxBodyBytes(), routes);
        HttpHandler guarded = new ErrorResponseHandler(limited, clock, correlationIds, observer,
                config.retryAfterSeconds());
        return new EarlyBodyReader(config.allBasePaths(), config.maxBodyBytes(), new BlockingHandler(guarded));
    }
}

package io.crvs.http.client;

import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsCallException.Failure;
import io.crvs.http.keys.LimitedBodySubscriber;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one signed body to a CRVS and returns its answer:
 * <ul>
 *   <li>with the CRVS's bearer token ({@link AccessTokens}); a 401 fetches a new token and sends once more,
 *       never more;</li>
 *   <li>transient failures (connection refused or reset, HTTP 502, 503, 504) are sent again, up to the
 *       endpoint's attempts, after a pause that doubles each time (the same bytes: a CRVS that deduplicates by
 *       {@code message_id} sees one message);</li>
 *   <li>no answer within the read timeout is {@link Failure#TIMEOUT}, not retried (the CRVS may be working on
 *       it); bodies over {@value #MAX_BODY_BYTES} bytes are refused.</li>
 * </ul>
 * Any other status is returned for the caller to read. Thread-safe; blocking (never call it in a unit of work).
 */
final class DciPoster {

    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);
    private static final Logger LOG = LoggerFactory.getLogger(DciPoster.class);

    private final HttpClient http;
    private final CrvsEndpoint endpoint;
    private final AccessTokens tokens;
    private final Sleeper sleeper;

    /** Pauses between attempts (tests pass one that does not sleep). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    DciPoster(HttpClient http, CrvsEndpoint endpoint, AccessTokens tokens, Sleeper sleeper) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    HttpAnswer post(String path, byte[] body) {
        URI url = endpoint.resolve(path);
        String token = tokens.current();
        boolean refreshed = false;
        Duration pause = endpoint.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            HttpAnswer answer;
            try {
                answer = exchange(url, body, token);
            } catch (TransientFailure e) {
                if (attempt >= endpoint.maxAttempts()) {
                    throw new CrvsCallException(Failure.UNAVAILABLE, endpoint.crvsId(), null, "CRVS "
                            + endpoint.crvsId() + " cannot be reached at " + url + " (" + e.getMessage() + ", "
                            + attempt + " attempt" + (attempt == 1 ? "" : "s") + ")", e.getCause());
                }
                pause = pause(pause, url, e.getMessage(), attempt);
                continue;
            }
            if (answer.status() == 401 && endpoint.oauth2() != null && !refreshed) {
                LOG.info("CRVS {} refused our token (401): fetching a new one and sending once more",
                        endpoint.crvsId());
                token = tokens.refresh(token);
                refreshed = true;
                attempt--; // the refresh does not use up an attempt
                continue;
            }
            if (TRANSIENT.contains(answer.status()) && attempt < endpoint.maxAttempts()) {
                pause = pause(pause, url, "HTTP " + answer.status(), attempt);
                continue;
            }
            if (TRANSIENT.contains(answer.status())) {
                throw new CrvsCallException(Failure.UNAVAILABLE, endpoint.crvsId(), "http." + answer.status(),
                        "CRVS " + endpoint.crvsId() + " answered HTTP " + answer.status() + " " + attempt
                                + " time" + (attempt == 1 ? "" : "s") + " at " + url, null);
            }
            return answer;
        }
    }

    private Duration pause(Duration pause, URI url, String why, int attempt) {
        LOG.info("CRVS {} at {}: {} (attempt {} of {}); trying again in {} ms", endpoint.crvsId(), url, why, attempt,
                endpoint.maxAttempts(), pause.toMillis());
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrvsCallException(Failure.UNAVAILABLE, endpoint.crvsId(), null, "interrupted while waiting"
                    + " to call CRVS " + endpoint.crvsId() + " again", e);
        }
        return pause.multipliedBy(2);
    }

    private HttpAnswer exchange(URI url, byte[] body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(endpoint.readTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.build(),
                info -> new LimitedBodySubscriber(MAX_BODY_BYTES));
        Duration deadline = endpoint.connectTimeout().plus(endpoint.readTimeout());
        try {
            HttpResponse<byte[]> r = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new HttpAnswer(r.statusCode(), r.body() == null ? new byte[0] : r.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(url, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CrvsCallException(Failure.UNAVAILABLE, endpoint.crvsId(), null, "interrupted while calling CRVS "
                    + endpoint.crvsId(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new TransientFailure("connect timed out", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timeout(url, cause);
            }
            if (cause instanceof IOException && cause.getMessage() != null
                    && cause.getMessage().contains("larger than")) {
                throw new CrvsCallException(Failure.BAD_RESPONSE, endpoint.crvsId(), null, "the answer of CRVS "
                        + endpoint.crvsId() + " is larger than " + MAX_BODY_BYTES + " bytes", cause);
            }
            if (cause instanceof IOException) {
                throw new TransientFailure(cause.getClass().getSimpleName(), cause);
            }
            throw new CrvsCallException(Failure.UNAVAILABLE, endpoint.crvsId(), null, "calling CRVS "
                    + endpoint.crvsId() + " failed: " + cause.getClass().getSimpleName(), cause);
        }
    }

    private CrvsCallException timeout(URI url, Throwable cause) {
        return new CrvsCallException(Failure.TIMEOUT, endpoint.crvsId(), null, "CRVS " + endpoint.crvsId()
                + " did not answer within " + endpoint.readTimeout().toMillis() + " ms at " + url, cause);
    }

    /** A failure worth another attempt. */
    private static final class TransientFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransientFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}

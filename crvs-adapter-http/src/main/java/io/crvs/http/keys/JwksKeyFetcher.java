package io.crvs.http.keys;

import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeyFetcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Key-fetching adapter: GETs a sender's JWKS over http(s) with the JDK HTTP client (connect timeout, a deadline
 * for the whole exchange, a size limit enforced while downloading, redirects followed except https to http) and
 * checks that the answer is a JWKS with at least one usable key before handing it on. Failures carry a short,
 * operator-readable reason ({@code HTTP 404}, {@code timed out after 5 s}, …).
 *
 * <p>Thread-safe; each call is one blocking request, so never call it inside a database transaction.
 */
public final class JwksKeyFetcher implements KeyFetcher {

    private final HttpClient client;
    private final KeySettings settings;
    private final InstantSource clock;

    /**
     * @param settings the timeouts and size limit
     * @param clock    stamps the fetch time
     */
    public JwksKeyFetcher(KeySettings settings, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public SenderKeys fetch(Sender sender) {
        String url = sender.jwksUrl();
        if (url == null) {
            throw new KeyFetchException("sender " + sender.senderId() + " has no JWKS URL", null);
        }
        HttpRequest request = HttpRequest.newBuilder(toHttpUri(url)).GET().timeout(settings.readTimeout())
                .header("Accept", "application/json, application/jwk-set+json").build();
        String document = new String(download(request, url), StandardCharsets.UTF_8);
        try {
            JwksDocumentParser.parse(document);
        } catch (JwksFormatException e) {
            throw new KeyFetchException("unusable document from " + url + ": " + e.getMessage(), e);
        }
        return new SenderKeys(document, url, clock.instant());
    }

    private byte[] download(HttpRequest request, String url) {
        Duration deadline = settings.connectTimeout().plus(settings.readTimeout());
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info ->
                info.statusCode() == 200 ? new LimitedBodySubscriber(settings.maxDocumentBytes())
                        : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new KeyFetchException("fetching " + url + " timed out after " + deadline.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new KeyFetchException("fetching " + url + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KeyFetchException("cannot fetch " + url + ": " + describe(cause), cause);
        }
        if (response.statusCode() != 200) {
            throw new KeyFetchException("fetching " + url + " answered HTTP " + response.statusCode(), null);
        }
        return response.body();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private static URI toHttpUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new KeyFetchException("invalid JWKS URL " + url + ": " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new KeyFetchException("JWKS URL must be an absolute http(s) URL: " + url, null);
        }
        return uri;
    }
}

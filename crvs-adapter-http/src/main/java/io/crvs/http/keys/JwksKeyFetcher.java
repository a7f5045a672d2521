package io.crvs.http.keys;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.RestrictedResourceRetriever;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SenderKeys;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeyFetcher;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;

/**
 * Key-fetching adapter: GETs a sender's JWKS over http(s) with Nimbus's restricted resource retriever (connect
 * and read timeouts, a size limit) and checks that the answer is a JWKS with at least one usable key before
 * handing it on. Thread-safe; each call is one blocking request, so never call it inside a database transaction.
 */
public final class JwksKeyFetcher implements KeyFetcher {

    private final RestrictedResourceRetriever retriever;
    private final InstantSource clock;

    /**
     * @param settings the timeouts and size limit
     * @param clock    stamps the fetch time
     */
    public JwksKeyFetcher(KeySettings settings, InstantSource clock) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retriever = new DefaultResourceRetriever((int) settings.connectTimeout().toMillis(),
                (int) settings.readTimeout().toMillis(), settings.maxDocumentBytes());
    }

    @Override
    public SenderKeys fetch(Sender sender) {
        String url = sender.jwksUrl();
        if (url == null) {
            throw new KeyFetchException("sender " + sender.senderId() + " has no JWKS URL", null);
        }
        Resource resource;
        try {
            resource = retriever.retrieveResource(toHttpUrl(url));
        } catch (IOException e) {
            throw new KeyFetchException("cannot fetch " + url + ": " + e, e);
        }
        String document = resource.getContent();
        if (document == null) {
            throw new KeyFetchException("empty answer from " + url, null);
        }
        try {
            JwksDocumentParser.parse(document);
        } catch (JwksFormatException e) {
            throw new KeyFetchException("unusable document from " + url + ": " + e.getMessage(), e);
        }
        return new SenderKeys(document, url, clock.instant());
    }

    private static URL toHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new KeyFetchException("JWKS URL must be an absolute http(s) URL: " + url, null);
            }
            return uri.toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new KeyFetchException("invalid JWKS URL " + url + ": " + e.getMessage(), e);
        }
    }
}

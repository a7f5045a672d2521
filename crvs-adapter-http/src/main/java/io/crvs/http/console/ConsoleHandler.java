package io.crvs.http.console;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP adapter: the admin web console, static files served from the class path (mounted at {@value #PREFIX}).
 *
 * <p>The files are listed in {@code assets.txt} beside them and read into memory once, at construction; a request
 * is answered only with one of those files, looked up by its exact path, so there is no directory listing and no
 * way to reach anything else (a {@code ..} or an encoded path simply names no file: 404). {@code /console}
 * redirects to {@code /console/}, which serves {@code index.html}. Every answer carries a strict
 * Content-Security-Policy (scripts, styles, images and API calls from this origin only; no inline code, no
 * framing), {@code nosniff}, no referrer, and an ETag (answered 304 when it matches). GET and HEAD only.
 *
 * <p>The console itself is plain HTML, CSS and JavaScript modules that talk only to the admin API ({@code /api});
 * nothing is loaded from elsewhere. Thread-safe.
 */
public final class ConsoleHandler implements HttpHandler {

    /** Where the app mounts the console. */
    public static final String PREFIX = "/console";
    /** The policy sent with every answer. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final String BASE = "io/crvs/http/console/assets/";
    private static final String MANIFEST = "assets.txt";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    /** One file: its bytes, content type and entity tag. */
    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> assets;

    /** The console shipped in this jar. */
    public ConsoleHandler() {
        this(ConsoleHandler.class.getClassLoader(), BASE);
    }

    /**
     * @param loader where the files are
     * @param base   their folder on the class path, ending with {@code /}
     * @throws IllegalStateException when the manifest or a file it lists is missing, or a file type is unknown
     */
    ConsoleHandler(ClassLoader loader, String base) {
        Objects.requireNonNull(loader, "loader");
        Map<String, Asset> loaded = new LinkedHashMap<>();
        for (String name : manifest(loader, base)) {
            String type = CONTENT_TYPES.get(extension(name));
            if (type == null) {
                throw new IllegalStateException("console asset of unknown type: " + name);
            }
            byte[] bytes = read(loader, base + name);
            loaded.put(name, new Asset(bytes, type, etag(bytes)));
        }
        if (!loaded.containsKey("index.html")) {
            throw new IllegalStateException("the console has no index.html");
        }
        this.assets = Map.copyOf(loaded);
    }

    /** The paths served ({@code index.html}, {@code js/main.js}, …). */
    public Set<String> paths() {
        return assets.keySet();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        securityHeaders(exchange);
        HttpString method = exchange.getRequestMethod();
        boolean head = Methods.HEAD.equals(method);
        if (!head && !Methods.GET.equals(method)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            plain(exchange, StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed: use GET.");
            return;
        }
        String path = exchange.getRelativePath();
        if (path.isEmpty()) {
            String query = exchange.getQueryString();
            exchange.getResponseHeaders().put(Headers.LOCATION, exchange.getResolvedPath() + "/"
                    + (query == null || query.isEmpty() ? "" : "?" + query));
            plain(exchange, StatusCodes.FOUND, "The console is at " + exchange.getResolvedPath() + "/");
            return;
        }
        Asset asset = assets.get(path.equals("/") ? "index.html" : path.substring(1));
        if (asset == null) {
            plain(exchange, StatusCodes.NOT_FOUND, "Not found.");
            return;
        }
        exchange.getResponseHeaders().put(Headers.ETAG, asset.etag());
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, asset.contentType());
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(asset.etag())) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, asset.bytes().length);
        if (head) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(asset.bytes()));
        }
    }

    private static void securityHeaders(HttpServerExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.put(new HttpString("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        headers.put(new HttpString("X-Content-Type-Options"), "nosniff");
        headers.put(new HttpString("Referrer-Policy"), "no-referrer");
        headers.put(new HttpString("X-Frame-Options"), "DENY");
        headers.put(new HttpString("Cross-Origin-Opener-Policy"), "same-origin");
    }

    private static void plain(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
    }

    private static List<String> manifest(ClassLoader loader, String base) {
        String text = new String(read(loader, base + MANIFEST), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                        throw new IllegalStateException("bad console asset path in the manifest: " + name);
                    }
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("console file missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + resource, e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public String toString() {
        return "console(" + assets.size() + " files)";
    }
}

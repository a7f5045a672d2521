package io.crvs.http.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.Handlers;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's static files on a real Undertow (mounted at /console as in the app): content types, security
 * headers, redirect, 304, HEAD, 405, nothing served but the listed files (no listing, no traversal), and static
 * checks that the files need nothing the Content-Security-Policy forbids.
 */
class ConsoleHandlerTest {

    private static final ConsoleHandler HANDLER = new ConsoleHandler();
    private static Undertow server;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.path(exchange -> {
                    exchange.setStatusCode(418);
                    exchange.getResponseSender().send("outside the console");
                }).addPrefixPath(ConsoleHandler.PREFIX, HANDLER))
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends the request line exactly as written (no client-side normalisation) and returns the status. */
    private static int rawStatus(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static Path assetFolder() throws URISyntaxException {
        return Path.of(ConsoleHandler.class.getClassLoader().getResource("io/crvs/http/console/assets/index.html").toURI())
                .getParent();
    }

    @Test
    void index_isServedAtTheFolder_asUtf8Html_withTheSecurityHeaders() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/console/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<script type=\"module\" src=\"js/main.js\">");
        assertThat(header(r, "Content-Security-Policy")).isEqualTo(ConsoleHandler.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'").contains("script-src 'self'").contains("connect-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(r, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(r, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(r, "Cache-Control")).isEqualTo("no-cache");
        assertThat(header(r, "ETag")).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void theMountPointWithoutSlash_redirectsToTheFolder() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/console");

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(header(r, "Location")).isEqualTo("/console/");
        assertThat(header(r, "Content-Security-Policy")).isEqualTo(ConsoleHandler.CONTENT_SECURITY_POLICY);
    }

    @Test
    void everyListedFile_isServedWithItsContentType_andExactlyItsBytes() throws Exception {
        Path folder = assetFolder();
        for (String name : HANDLER.paths()) {
            HttpResponse<byte[]> r = send("GET", "/console/" + name);
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            String expected = name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".svg") ? "image/svg+xml" : "text/html; charset=utf-8";
            assertThat(header(r, "Content-Type")).as(name).isEqualTo(expected);
            assertThat(r.body()).as(name).isEqualTo(Files.readAllBytes(folder.resolve(name)));
            assertThat(header(r, "Content-Length")).as(name).isEqualTo(Integer.toString(r.body().length));
        }
    }

    @Test
    void theManifest_listsEveryFileOfTheFolder_andNothingElse() throws Exception {
        Path folder = assetFolder();
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(folder)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("assets.txt")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(new TreeSet<>(HANDLER.paths())).isEqualTo(onDisk);
    }

    @Test
    void aMatchingEtag_is304WithoutBody_andHead_hasNoBody() throws Exception {
        String etag = header(send("GET", "/console/console.css"), "ETag");

        HttpResponse<byte[]> cached = send("GET", "/console/console.css", "If-None-Match", etag);
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();

        HttpResponse<byte[]> changed = send("GET", "/console/console.css", "If-None-Match", "\"other\"");
        assertThat(changed.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> head = send("HEAD", "/console/js/main.js");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Type")).isEqualTo("text/javascript; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethods_are405WithAllow(String method) throws Exception {
        HttpResponse<byte[]> r = send(method, "/console/index.html");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(header(r, "Allow")).isEqualTo("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/assets.txt", "/console/js/", "/console/js", "/console/views/event.js",
        "/console/js/views/", "/console/index.htm", "/console/JS/MAIN.JS", "/console/io/crvs/http/console/assets/index.html", "/console/assets/index.html",
        "/console/../pom.xml", "/console/%2e%2e/pom.xml", "/console/..%2fpom.xml", "/console/js/..%2f..%2fassets.txt",
        "/console/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/console//etc/passwd", "/console/index.html%00.js",
        "/console/js/%2e%2e/assets.txt", "/console/ConsoleHandler.class",
        "/console/../io/crvs/http/console/ConsoleHandler.class"})
    void anythingButAListedFile_isNotServed(String target) throws IOException {
        int status = rawStatus(target);

        assertThat(status).as(target).isIn(400, 404, 418);
    }

    @Test
    void anUnknownFile_is404PlainText_withTheSecurityHeaders() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/console/nothing.js");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(header(r, "Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(header(r, "Content-Security-Policy")).isEqualTo(ConsoleHandler.CONTENT_SECURITY_POLICY);
    }

    @Test
    void aManifestThatListsAMissingFile_failsAtConstruction() {
        assertThatThrownBy(() -> new ConsoleHandler(getClass().getClassLoader(), "io/crvs/http/console-broken/"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gone.js");
        assertThatThrownBy(() -> new ConsoleHandler(getClass().getClassLoader(), "io/crvs/http/nowhere/"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("assets.txt");
    }

    /** What the Content-Security-Policy would block, or what would let data from the API run as markup. */
    private static final List<Pattern> FORBIDDEN_IN_SCRIPTS = List.of(
            Pattern.compile("\\.innerHTML\\b"), Pattern.compile("\\.outerHTML\\b"),
            Pattern.compile("insertAdjacentHTML"), Pattern.compile("document\\.write"),
            Pattern.compile("\\beval\\s*\\("), Pattern.compile("new\\s+Function\\s*\\("),
            Pattern.compile("\\bimport\\s*\\(\\s*['\"]https?:"), Pattern.compile("from\\s+['\"]https?:"),
            Pattern.compile("\\.style\\."), Pattern.compile("setAttribute\\(\\s*'style'"),
            Pattern.compile("setAttribute\\(\\s*'on"));

    @Test
    void theFiles_needNothingThePolicyForbids_andLoadNothingFromElsewhere() throws Exception {
        Path folder = assetFolder();
        for (String name : HANDLER.paths()) {
            String text = Files.readString(folder.resolve(name));
            if (name.endsWith(".html")) {
                assertThat(text).as(name).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                        .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=")
                        .doesNotContainPattern("<style").doesNotContainPattern("(src|href)=\"(https?:)?//")
                        .doesNotContain("javascript:");
            }
            if (name.endsWith(".css")) {
                assertThat(text).as(name).doesNotContain("@import").doesNotContainPattern("url\\(");
            }
            if (name.endsWith(".js")) {
                for (Pattern forbidden : FORBIDDEN_IN_SCRIPTS) {
                    assertThat(forbidden.matcher(text).find()).as(name + " uses " + forbidden).isFalse();
                }
                assertThat(text).as(name + " calls only the admin API").doesNotContainPattern("fetch\\((?!API_BASE)");
            }
        }
    }
}

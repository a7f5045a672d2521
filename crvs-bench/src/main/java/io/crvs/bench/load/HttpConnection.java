package io.crvs.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection on loopback with a minimal blocking client: it writes a request (head and a
 * body built ahead of time) and reads the status line, the headers and a {@code Content-Length} or chunked body. Costs the load
 * generator a few microseconds per request, so that the CPU it takes from the server under test stays small.
 * Reconnects when the server closes the connection. Not thread-safe: one connection per load thread.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private final byte[] line = new byte[8192];

    /** A response: status and body (the body only when asked to keep it). */
    record Response(int status, String body) {
    }

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one POST with a JSON body and reads the response.
     *
     * @param keepBody whether to return the body as text (otherwise it is read and dropped, unless the status is
     *                 300 or more)
     */
    Response post(String path, byte[] body, boolean keepBody) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.US_ASCII), body, keepBody);
    }

    /** Sends one GET and reads the response, body kept. */
    Response get(String path) throws IOException {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.US_ASCII), new byte[0], true);
    }

    private Response exchange(byte[] head, byte[] body, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(head);
            out.write(body);
            out.flush();
            return readResponse(keepBody);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        socket = s;
        out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    }

    private Response readResponse(boolean keepBody) throws IOException {
        String status = readLine();
        if (status == null) {
            throw new IOException("connection closed before a response");
        }
        // "HTTP/1.1 202 Accepted"
        int sp = status.indexOf(' ');
        if (!status.startsWith("HTTP/1.") || sp < 0 || status.length() < sp + 4) {
            throw new IOException("not an HTTP status line: " + status);
        }
        int code = Integer.parseInt(status.substring(sp + 1, sp + 4));
        long length = -1;
        boolean chunked = false;
        boolean close = status.startsWith("HTTP/1.0");
        for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        StringBuilder body = keepBody || code >= 300 ? new StringBuilder() : null;
        if (chunked) {
            for (;;) {
                String size = readLine();
                if (size == null) {
                    throw new IOException("connection closed inside a chunked body");
                }
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    for (String t = readLine(); t != null && !t.isEmpty(); t = readLine()) {
                        // trailers: ignored
                    }
                    break;
                }
                readBody(n, body);
                readLine();
            }
        } else if (length > 0) {
            readBody(length, body);
        } else if (length < 0 && code != 204 && code != 304) {
            // no length: the body ends with the connection
            readBody(Long.MAX_VALUE, body);
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, body == null ? null : body.toString());
    }

    private void readBody(long n, StringBuilder keep) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                if (n == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("connection closed inside a body");
            }
            if (keep != null) {
                keep.append(new String(buf, 0, r, StandardCharsets.UTF_8));
            }
            left -= r;
        }
    }

    /** One CRLF-terminated line without the terminator, or null at the end of the stream. */
    private String readLine() throws IOException {
        int n = 0;
        for (;;) {
            int b = in.read();
            if (b < 0) {
                return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                if (n > 0 && line[n - 1] == '\r') {
                    n--;
                }
                return new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("header line too long");
            }
            line[n++] = (byte) b;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
            out = null;
            in = null;
        }
    }
}

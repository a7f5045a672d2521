package io.crvs.http.signature;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.crvs.http.envelope.EnvelopeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reproduces, byte for byte, what Python's {@code json.dumps(obj, sort_keys=True, separators=(",", ":"))}
 * writes for a document that {@code json.loads} read: the canonical form the OpenSPP signer hashes.
 *
 * <p>The input is re-read from the raw bytes with a streaming parser so that every number keeps its token text:
 * a number without {@code .}/{@code e} is a Python int and is written as its digits however large ({@code -0}
 * becomes {@code 0}); any other is a Python float written as {@link PythonFloatRepr} ({@code -0.0} keeps its
 * sign). Keys are sorted by Unicode code point, duplicate keys keep the last value, and every character outside
 * printable ASCII is written as a lowercase {@code \}{@code uXXXX} escape (astral characters as surrogate pairs).
 * Stateless and thread-safe.
 */
public final class PythonCanonicalJson {

    private static final Object NULL = new Object();
    private static final Comparator<String> CODE_POINT_ORDER = PythonCanonicalJson::compareCodePoints;

    private PythonCanonicalJson() {
    }

    /** A JSON number as written: its text and whether Python reads it as a float. */
    private record NumberToken(String text, boolean isFloat) {
    }

    /**
     * The canonical UTF-8 bytes of {@code {"header": h, "message": m}} for the envelope in {@code body}.
     *
     * @throws CanonicalJsonException when the body is not a JSON object with a {@code header} object and a
     *                                {@code message}
     */
    static byte[] headerAndMessage(byte[] body) throws CanonicalJsonException {
        Object root = read(body);
        if (!(root instanceof Map)) {
            throw new CanonicalJsonException("body is not a JSON object");
        }
        Map<?, ?> envelope = (Map<?, ?>) root;
        Object header = envelope.get("header");
        if (!(header instanceof Map)) {
            throw new CanonicalJsonException("envelope has no header object");
        }
        if (!envelope.containsKey("message")) {
            throw new CanonicalJsonException("envelope has no message");
        }
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("header", header);
        signed.put("message", envelope.get("message"));
        return write(signed);
    }

    /**
     * The canonical UTF-8 bytes of any JSON document.
     *
     * @throws CanonicalJsonException when it is not JSON
     */
    public static byte[] canonicalize(byte[] json) throws CanonicalJsonException {
        return write(read(json));
    }

    private static byte[] write(Object value) {
        StringBuilder out = new StringBuilder(256);
        writeValue(value, out);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static Object read(byte[] json) throws CanonicalJsonException {
        try (JsonParser parser = EnvelopeJson.MAPPER.getFactory().createParser(json)) {
            // Python's json keeps the last of repeated keys; intake refuses them before we get here
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CanonicalJsonException("body is empty");
            }
            Object value = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw new CanonicalJsonException("trailing content after the JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new CanonicalJsonException("body is not JSON");
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, readValue(parser, parser.nextToken())); // duplicate key: last wins
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(readValue(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return new NumberToken(parser.getText(), false);
            case VALUE_NUMBER_FLOAT:
                return new NumberToken(parser.getText(), true);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected token " + token);
        }
    }

    private static void writeValue(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof NumberToken n) {
            out.append(n.isFloat() ? PythonFloatRepr.repr(Double.parseDouble(n.text())) : pythonInt(n.text()));
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else {
            out.append("null");
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object k : map.keySet()) {
            keys.add((String) k);
        }
        keys.sort(CODE_POINT_ORDER);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(keys.get(i), out);
            out.append(':');
            writeValue(map.get(keys.get(i)), out);
        }
        out.append('}');
    }

    /** JSON integers have no leading zeros, so the token is Python's digits except that {@code -0} is 0. */
    private static String pythonInt(String token) {
        return token.chars().allMatch(c -> c == '-' || c == '0') ? "0" : token;
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        if (isPlainAscii(s)) {
            out.append(s).append('"'); // nothing to escape: the common case, copied at once
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append("\\u").append(Character.forDigit((c >> 12) & 0xf, 16))
                                .append(Character.forDigit((c >> 8) & 0xf, 16))
                                .append(Character.forDigit((c >> 4) & 0xf, 16))
                                .append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Printable ASCII other than {@code "} and the backslash: written by Python as it is. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Orders strings by Unicode code point, as Python does (UTF-16 order differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}

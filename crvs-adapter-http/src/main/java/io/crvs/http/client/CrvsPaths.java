package io.crvs.http.client;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a CRVS serves the DCI endpoints we call, below its base URL. Most use {@code /registry/...}; some
 * (the SPDCI mock, OpenSPP aliases) use {@code /crvs/...}.
 *
 * @param syncSearch  synchronous search ({@code /registry/sync/search})
 * @param search      asynchronous search, answered by an {@code on-search} callback ({@code /registry/search})
 * @param subscribe   {@code /registry/subscribe}
 * @param unsubscribe {@code /registry/unsubscribe}
 */
public record CrvsPaths(String syncSearch, String search, String subscribe, String unsubscribe) {

    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~%-]+)+");

    public CrvsPaths {
        check(syncSearch, "sync search path");
        check(search, "search path");
        check(subscribe, "subscribe path");
        check(unsubscribe, "unsubscribe path");
    }

    /** The standard paths under {@code prefix} ({@code /registry} or {@code /crvs}). */
    public static CrvsPaths under(String prefix) {
        check(prefix, "path prefix");
        return new CrvsPaths(prefix + "/sync/search", prefix + "/search", prefix + "/subscribe",
                prefix + "/unsubscribe");
    }

    /** {@code /registry/sync/search}, {@code /registry/search}, {@code /registry/subscribe}, … */
    public static CrvsPaths standard() {
        return under("/registry");
    }

    private static void check(String path, String what) {
        Objects.requireNonNull(path, what);
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException(what + " must look like /registry/sync/search, not " + path);
        }
    }
}

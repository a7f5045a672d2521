package io.crvs.http.client;

import java.util.Locale;

/** How a CRVS answers searches (reference §2). */
public enum SearchMode {
    /** {@code /registry/sync/search}: the signed answer comes in the HTTP response. */
    SYNC,
    /** {@code /registry/search}: an ACK, then the signed answer as an {@code on-search} callback to us. */
    ASYNC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SearchMode parse(String text) {
        for (SearchMode m : values()) {
            if (m.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("search mode must be sync or async, not " + text);
    }
}

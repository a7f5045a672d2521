package io.crvs.http.client;

import java.util.Objects;

/**
 * A CRVS's HTTP answer to one of our requests.
 *
 * @param status the HTTP status
 * @param body   the body as received (possibly empty)
 */
record HttpAnswer(int status, byte[] body) {
    HttpAnswer {
        Objects.requireNonNull(body, "body");
    }

    boolean success() {
        return status >= 200 && status < 300;
    }
}

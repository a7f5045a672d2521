package io.crvs.http.admin;

import java.io.IOException;

/** One admin operation: reads the call (path ids, query, body), uses the ports, answers JSON. */
@FunctionalInterface
interface Endpoint {

    /**
     * @throws ApiException for a refusal
     * @throws IOException  when the body cannot be read
     */
    ApiResponse handle(ApiCall call) throws IOException;
}

package io.crvs.http.admin;

import java.util.Optional;

/**
 * Named text values of a request (query parameters or the string fields of a JSON body), so that one parser
 * reads the same criteria from either place.
 */
interface FieldSource {

    /**
     * The value of a field.
     *
     * @return the value, or empty when the field is absent, {@code null} or empty
     * @throws ApiException {@code bad_request} naming the field when it is present but not text
     */
    Optional<String> text(String name);
}

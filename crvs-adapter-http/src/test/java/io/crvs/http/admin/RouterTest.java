package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Route matching: specificity, variables, 404 and 405 with the allowed methods. */
class RouterTest {

    private static final Endpoint NONE = call -> {
        throw new AssertionError("not called");
    };

    private final Router router = Router.builder()
            .add("GET", "/events/{id}", Permission.READ, NONE)
            .add("POST", "/events/retry", Permission.WRITE_EVENTS, NONE)
            .add("POST", "/events/{id}/retry", Permission.WRITE_EVENTS, NONE)
            .add("GET", "/senders/{id}", Permission.READ, NONE)
            .add("DELETE", "/senders/{id}", Permission.MANAGE_SENDERS, NONE)
            .build();

    @Test
    void aLiteralSegment_beatsAVariable() {
        assertThat(router.find("POST", "/events/retry").route().template()).hasToString("/events/retry");
        assertThatThrownBy(() -> router.find("GET", "/events/retry"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApiErrorCode.METHOD_NOT_ALLOWED);
                    assertThat(e.headers()).containsEntry("Allow", "POST");
                });
    }

    @Test
    void variables_areWholeSegments_withEncodedSlashesDecoded() {
        Router.Match m = router.find("GET", "/senders/urn:crvs%2Fdci");

        assertThat(m.variables()).containsEntry("id", "urn:crvs/dci");
        assertThat(router.find("POST", "/events/7/retry").variables()).containsEntry("id", "7");
        assertThat(router.find("GET", "/events/7/").variables()).containsEntry("id", "7");
    }

    @Test
    void anUnknownPath_isNotFound_andAKnownOne_listsItsMethods() {
        assertThatThrownBy(() -> router.find("GET", "/events"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ApiErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> router.find("GET", "/senders//"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ApiErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> router.find("PUT", "/senders/a"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.headers()).containsEntry("Allow", "DELETE, GET"));
    }
}

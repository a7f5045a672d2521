package io.crvs.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * A CRVS's verified answer to a search request: one answer per search, in request order, plus the answer as it
 * arrived (kept for the audit trail when events are derived from it).
 *
 * @param crvsId    the CRVS that answered (its verified {@code sender_id})
 * @param messageId the answer's {@code header.message_id}
 * @param rawBody   the answer exactly as received (the callbacks' bodies as a JSON array when it came in several)
 * @param profile   the signature profile it was verified with
 * @param answers   one per search, in the order of the request
 */
public record SearchResponse(String crvsId, String messageId, byte[] rawBody, SignatureProfile profile,
                             List<SearchAnswer> answers) {
    public SearchResponse {
        Objects.requireNonNull(crvsId, "crvsId");
        Objects.requireNonNull(messageId, "messageId");
        rawBody = Objects.requireNonNull(rawBody, "rawBody").clone();
        Objects.requireNonNull(profile, "profile");
        answers = List.copyOf(Objects.requireNonNull(answers, "answers"));
    }

    @Override
    public byte[] rawBody() {
        return rawBody.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchResponse r && crvsId.equals(r.crvsId) && messageId.equals(r.messageId)
                && java.util.Arrays.equals(rawBody, r.rawBody) && profile == r.profile && answers.equals(r.answers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(crvsId, messageId, answers);
    }

    @Override
    public String toString() {
        return "SearchResponse[" + crvsId + "/" + messageId + ", " + answers.size() + " answers]";
    }
}

package io.crvs.core.domain;

import java.time.Instant;
import java.util.Objects;

/** An operator's note on an event or sender. */
public record Note(String author, String text, Instant at) {
    public Note {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (text.isBlank()) {
            throw new InvalidInputException("note text is blank");
        }
        if (text.length() > 10_000) {
            throw new InvalidInputException("note text is longer than 10000 characters");
        }
    }
}

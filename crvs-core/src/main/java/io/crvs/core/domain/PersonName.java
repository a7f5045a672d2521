package io.crvs.core.domain;

/**
 * A person's name as the CRVS sent it; any part may be {@code null}. Never normalised ("Zoë" stays "Zoë").
 */
public record PersonName(String givenName, String secondName, String surname, String maidenName,
                         String prefix, String suffix) {

    public static PersonName of(String givenName, String surname) {
        return new PersonName(givenName, null, surname, null, null, null);
    }

    /** Given, second and surname joined by spaces, skipping empty parts. */
    public String fullName() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {givenName, secondName, surname}) {
            if (part != null && !part.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "PersonName[***]";
    }
}

package io.crvs.core.service;

import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.port.out.CrvsCallException;
import java.util.List;

/** Picks the CRVS a request is for: the one named, or the only one configured. */
final class CrvsChoice {

    private CrvsChoice() {
    }

    /**
     * @param configured the configured CRVS ids
     * @param requested  the CRVS asked for, or {@code null}
     * @throws CrvsCallException     ({@code UNKNOWN_CRVS}) when the one asked for is not configured, or none is
     * @throws InvalidInputException when none was named and several are configured
     */
    static String resolve(List<String> configured, String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!configured.contains(requested)) {
                throw new CrvsCallException(CrvsCallException.Failure.UNKNOWN_CRVS, null,
                        "no CRVS " + quote(requested) + " is configured" + listed(configured));
            }
            return requested;
        }
        if (configured.isEmpty()) {
            throw new CrvsCallException(CrvsCallException.Failure.UNKNOWN_CRVS, null,
                    "no CRVS is configured for outbound calls (outbound.file)");
        }
        if (configured.size() > 1) {
            throw new InvalidInputException("several CRVS are configured; name one of " + configured);
        }
        return configured.get(0);
    }

    private static String listed(List<String> configured) {
        return configured.isEmpty() ? " (none is)" : " (configured: " + configured + ")";
    }

    private static String quote(String s) {
        String cut = s.length() <= 64 ? s : s.substring(0, 64) + "…";
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}

package io.crvs.core.port.in;

import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.CrvsSearchResult;
import io.crvs.core.domain.DeathCheck;
import io.crvs.core.domain.Identifier;
import java.util.List;

/**
 * Use case: ask a CRVS registry about persons: verify a birth, check a death, search. Every answer was verified
 * with the CRVS's keys. {@code crvsId} may be {@code null} when exactly one CRVS is configured.
 *
 * <p>Failures: {@link io.crvs.core.port.out.CrvsCallException} (CRVS unreachable, slow, refusing, untrusted
 * answer, unknown CRVS); {@link io.crvs.core.domain.InvalidInputException} for a bad request (a birth looked up by
 * a DRN, several CRVS and none named).
 */
public interface CrvsQueryUseCase {

    /** The configured CRVS ids. */
    List<String> crvsIds();

    /**
     * Looks a birth up by its BRN or the person's UIN.
     *
     * @return the person as the CRVS registered them, not found, or ambiguous (several different records)
     */
    BirthVerification verifyBirth(String crvsId, Identifier brnOrUin);

    /**
     * Checks whether the person with this UIN has died.
     *
     * @return deceased with the date, not deceased, not found, or ambiguous
     */
    DeathCheck checkDeath(String crvsId, Identifier uin);

    /**
     * One page of a search by identifier or predicate.
     *
     * @throws io.crvs.core.port.out.CrvsCallException with failure {@code REJECTED} and the CRVS's reason code
     *                                                 when it refuses the search
     */
    CrvsSearchResult search(String crvsId, CrvsSearch search);
}

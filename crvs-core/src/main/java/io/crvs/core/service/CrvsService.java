package io.crvs.core.service;

import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.CrvsSearchResult;
import io.crvs.core.domain.DeathCheck;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchPage;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.in.CrvsQueryUseCase;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsRegistryClient;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Use case implementation: verify a birth, check a death, search, each as one verified search of the CRVS.
 * Several different records for one identifier are reported as ambiguous, never narrowed to one.
 */
public final class CrvsService implements CrvsQueryUseCase {

    private final CrvsRegistryClient client;

    @Inject
    public CrvsService(CrvsRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<String> crvsIds() {
        return client.crvsIds();
    }

    @Override
    public BirthVerification verifyBirth(String crvsId, Identifier brnOrUin) {
        requireType(brnOrUin, "a birth is verified by BRN or UIN", IdentifierType.BRN, IdentifierType.UIN);
        CrvsSearchResult result = search(crvsId, new CrvsSearch(SearchQuery.identifier(brnOrUin),
                VitalEventType.BIRTH, SearchPage.first()));
        Set<CrvsPersonRecord> records = new LinkedHashSet<>(result.records());
        if (records.isEmpty()) {
            return new BirthVerification.NotFound(brnOrUin);
        }
        if (records.size() > 1 || morePages(result)) {
            return new BirthVerification.Ambiguous(brnOrUin, Math.max(records.size(), result.totalCount()));
        }
        return new BirthVerification.Found(brnOrUin, records.iterator().next());
    }

    @Override
    public DeathCheck checkDeath(String crvsId, Identifier uin) {
        requireType(uin, "a death is checked by UIN", IdentifierType.UIN);
        CrvsSearchResult result = search(crvsId, CrvsSearch.byIdentifier(uin));
        Set<CrvsPersonRecord> records = new LinkedHashSet<>(result.records());
        if (records.isEmpty()) {
            return new DeathCheck.NotFound(uin);
        }
        Set<LocalDate> deathDates = new LinkedHashSet<>();
        records.stream().map(CrvsPersonRecord::deathDate).filter(Objects::nonNull).forEach(deathDates::add);
        if (deathDates.size() == 1) {
            LocalDate date = deathDates.iterator().next();
            CrvsPersonRecord record = records.stream().filter(r -> date.equals(r.deathDate())).findFirst()
                    .orElseThrow();
            return new DeathCheck.Deceased(uin, date, record);
        }
        if (deathDates.isEmpty() && records.size() == 1 && !morePages(result)) {
            return new DeathCheck.NotDeceased(uin, records.iterator().next());
        }
        return new DeathCheck.Ambiguous(uin, Math.max(records.size(), result.totalCount()));
    }

    @Override
    public CrvsSearchResult search(String crvsId, CrvsSearch search) {
        String crvs = CrvsChoice.resolve(client.crvsIds(), crvsId);
        SearchAnswer answer = client.search(crvs, List.of(search)).answers().get(0);
        if (answer instanceof SearchAnswer.Refused refused) {
            throw new CrvsCallException(CrvsCallException.Failure.REJECTED, crvs, refused.code(),
                    "CRVS " + crvs + " refused the search: " + refused.code()
                            + (refused.message() == null ? "" : " (" + refused.message() + ")"), null);
        }
        return ((SearchAnswer.Answered) answer).result();
    }

    /** Whether the CRVS holds more matching records than this page shows. */
    private static boolean morePages(CrvsSearchResult result) {
        return result.totalCount() > result.records().size();
    }

    private static void requireType(Identifier identifier, String rule, IdentifierType... allowed) {
        Objects.requireNonNull(identifier, "identifier");
        if (!List.of(allowed).contains(identifier.type())) {
            throw new InvalidInputException(rule + ", not " + identifier.type());
        }
    }
}

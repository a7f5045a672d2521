package io.crvs.core.testing;

import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.CrvsSearchResult;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.SearchResponse;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.core.port.out.CrvsRegistryClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A programmable {@link CrvsRegistryClient} for service tests: records per identifier, refusals per identifier, a
 * failure to throw on the next calls, and every request it was given. Thread-safe.
 */
public final class StubCrvsRegistryClient implements CrvsRegistryClient {

    private final List<String> crvsIds;
    private final Map<Identifier, List<CrvsPersonRecord>> records = new HashMap<>();
    private final Set<Identifier> refused = new HashSet<>();
    private final AtomicReference<Supplier<CrvsCallException>> failure = new AtomicReference<>();
    /** Every search request, as the list of searches it carried. */
    public final List<List<CrvsSearch>> searches = new CopyOnWriteArrayList<>();
    /** Every subscribe request. */
    public final List<SubscribeRequest> subscribes = new CopyOnWriteArrayList<>();
    /** Every unsubscribe request's codes. */
    public final List<List<String>> unsubscribes = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> beforeAck = new AtomicReference<>(() -> { });

    public StubCrvsRegistryClient(String... crvsIds) {
        this.crvsIds = List.of(crvsIds);
    }

    /** The CRVS holds these records for the identifier. */
    public synchronized StubCrvsRegistryClient holds(Identifier identifier, CrvsPersonRecord... found) {
        records.computeIfAbsent(identifier, i -> new ArrayList<>()).addAll(List.of(found));
        return this;
    }

    /** The CRVS refuses searches for the identifier ({@code rjct.search_criteria.invalid}). */
    public synchronized StubCrvsRegistryClient refuses(Identifier identifier) {
        refused.add(identifier);
        return this;
    }

    /** Every later call throws what {@code f} supplies; {@code null} clears it. */
    public void failWith(Supplier<CrvsCallException> f) {
        failure.set(f);
    }

    /** Runs {@code r} after a subscribe/unsubscribe request is recorded and before it is acknowledged. */
    public void beforeAck(Runnable r) {
        beforeAck.set(r);
    }

    @Override
    public List<String> crvsIds() {
        return crvsIds;
    }

    @Override
    public SearchResponse search(String crvsId, List<CrvsSearch> batch) {
        check(crvsId);
        searches.add(List.copyOf(batch));
        List<SearchAnswer> answers = new ArrayList<>();
        synchronized (this) {
            for (CrvsSearch s : batch) {
                Identifier id = ((SearchQuery.ByIdentifier) s.query()).identifier();
                if (refused.contains(id)) {
                    answers.add(new SearchAnswer.Refused("rjct.search_criteria.invalid", "refused by the stub"));
                } else {
                    List<CrvsPersonRecord> found = records.getOrDefault(id, List.of());
                    answers.add(new SearchAnswer.Answered(new CrvsSearchResult(found, s.page(), found.size())));
                }
            }
        }
        return new SearchResponse(crvsId, "stub-" + searches.size(),
                ("{\"stub\":" + searches.size() + "}").getBytes(StandardCharsets.UTF_8),
                SignatureProfile.DCI_CAVAGE_ED25519, answers);
    }

    @Override
    public String subscribe(String crvsId, SubscribeRequest request) {
        check(crvsId);
        subscribes.add(request);
        beforeAck.get().run();
        return "ack-" + request.referenceId();
    }

    @Override
    public String unsubscribe(String crvsId, String transactionId, List<String> codes) {
        check(crvsId);
        unsubscribes.add(List.copyOf(codes));
        beforeAck.get().run();
        return "ack-" + transactionId;
    }

    private void check(String crvsId) {
        Supplier<CrvsCallException> f = failure.get();
        if (f != null) {
            throw f.get();
        }
        if (!crvsIds.contains(crvsId)) {
            throw new CrvsCallException(CrvsCallException.Failure.UNKNOWN_CRVS, crvsId, "unknown CRVS " + crvsId);
        }
    }
}

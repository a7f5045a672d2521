package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.CrvsSearch;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SearchCondition;
import io.crvs.core.domain.SearchPage;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.port.in.ReconcileUseCase.ReconcileCommand;
import io.crvs.core.port.in.SubscriptionsUseCase.SubscribeCommand;
import io.crvs.core.port.out.CrvsCallException;
import io.crvs.http.codec.SafeText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The CRVS routes: ask a CRVS (verify a birth, check a death, search: every role, they only read), manage our
 * subscriptions to its events and run a reconciliation (admin only: they change what the CRVS sends us and queue
 * registry changes). Each change is audited by the use case with the caller as actor. A CRVS failure is answered
 * with its own code ({@code crvs_unavailable}, {@code crvs_timeout}, {@code crvs_rejected},
 * {@code crvs_untrusted}).
 */
final class CrvsEndpoints {

    private static final Set<String> SEARCH_FIELDS = Set.of("crvs", "identifier", "conditions", "event_type", "page",
            "page_size");
    private static final Set<String> SUBSCRIBE_FIELDS = Set.of("crvs", "event_type", "identifier", "conditions");

    private final CrvsAdminPorts ports;

    CrvsEndpoints(CrvsAdminPorts ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    void register(Router.Builder routes) {
        routes.add("GET", "/crvs", Permission.READ, this::list)
                .add("GET", "/crvs/verify-birth", Permission.READ, this::verifyBirth)
                .add("GET", "/crvs/check-death", Permission.READ, this::checkDeath)
                .add("POST", "/crvs/search", Permission.READ, this::search)
                .add("GET", "/subscriptions", Permission.READ, this::subscriptions)
                .add("POST", "/subscriptions", Permission.MANAGE_CRVS, this::subscribe)
                .add("GET", "/subscriptions/{id}", Permission.READ, this::subscription)
                .add("POST", "/subscriptions/{id}/unsubscribe", Permission.MANAGE_CRVS, this::unsubscribe)
                .add("GET", "/reconcile", Permission.READ, this::reconcileStatus)
                .add("POST", "/reconcile", Permission.MANAGE_CRVS, this::reconcile);
    }

    private ApiResponse list(ApiCall call) {
        call.query(Set.of());
        ObjectNode node = ApiJson.object();
        ArrayNode items = node.putArray("items");
        ports.lookups().crvsIds().forEach(id -> items.addObject().put("crvs", id));
        return ApiResponse.ok(node);
    }

    private ApiResponse verifyBirth(ApiCall call) {
        QueryParams q = call.query(Set.of("crvs", "identifier"));
        Identifier id = identifier(q, IdentifierType.BRN, IdentifierType.UIN);
        String crvs = q.text("crvs").orElse(null);
        return ApiResponse.ok(CrvsViews.birth(resolved(crvs), ports.lookups().verifyBirth(crvs, id)));
    }

    private ApiResponse checkDeath(ApiCall call) {
        QueryParams q = call.query(Set.of("crvs", "identifier"));
        Identifier id = identifier(q, IdentifierType.UIN);
        String crvs = q.text("crvs").orElse(null);
        return ApiResponse.ok(CrvsViews.death(resolved(crvs), ports.lookups().checkDeath(crvs, id)));
    }

    private ApiResponse search(ApiCall call) throws IOException {
        JsonBody body = call.body(true, SEARCH_FIELDS);
        SearchQuery query = query(body).orElseThrow(() -> ApiException.badRequest("identifier",
                "give identifier (TYPE:VALUE) or conditions ([\"birth_date>=2020-01-01\", …])"));
        VitalEventType type = body.text("event_type").map(t -> FieldParsers.type("event_type", t)).orElse(null);
        SearchPage page = new SearchPage(body.integer("page", 1, 1_000_000).orElse(1),
                body.integer("page_size", 1, SearchPage.MAX_SIZE).orElse(SearchPage.DEFAULT_SIZE));
        String crvs = body.text("crvs").orElse(null);
        return ApiResponse.ok(CrvsViews.search(resolved(crvs), ports.lookups().search(crvs,
                new CrvsSearch(query, type, page))));
    }

    private ApiResponse subscriptions(ApiCall call) {
        QueryParams q = call.query(Set.of("crvs"));
        ObjectNode node = ApiJson.object();
        ArrayNode items = node.putArray("items");
        ports.subscriptions().list(q.text("crvs").orElse(null)).forEach(s -> items.add(CrvsViews.subscription(s)));
        return ApiResponse.ok(node);
    }

    private ApiResponse subscription(ApiCall call) {
        call.query(Set.of());
        String id = call.variable("id");
        return ApiResponse.ok(CrvsViews.subscription(ports.subscriptions().find(id)
                .orElseThrow(() -> ApiException.notFound("no subscription " + SafeText.quote(id)))));
    }

    private ApiResponse subscribe(ApiCall call) throws IOException {
        JsonBody body = call.body(true, SUBSCRIBE_FIELDS);
        String typeText = body.requiredText("event_type");
        VitalEventType type = FieldParsers.type("event_type", typeText);
        SearchQuery filter = query(body).orElse(null);
        Subscription s = ports.subscriptions().subscribe(new SubscribeCommand(body.text("crvs").orElse(null), type,
                filter, call.actor()));
        return ApiResponse.created(CrvsViews.subscription(s), call.location("/subscriptions/" + s.id()));
    }

    private ApiResponse unsubscribe(ApiCall call) throws IOException {
        call.body(false, Set.of());
        return ApiResponse.ok(CrvsViews.subscription(ports.subscriptions().unsubscribe(call.variable("id"),
                call.actor())));
    }

    private ApiResponse reconcileStatus(ApiCall call) {
        call.query(Set.of());
        ObjectNode node = ApiJson.object();
        Optional<ReconcileJobs.Run> run = ports.reconcile().latest();
        if (run.isPresent()) {
            node.set("run", CrvsViews.run(run.get()));
        } else {
            node.putNull("run");
        }
        return ApiResponse.ok(node);
    }

    private ApiResponse reconcile(ApiCall call) throws IOException {
        JsonBody body = call.body(false, Set.of("crvs", "batch_size"));
        int batch = body.integer("batch_size", 1, ReconcileCommand.MAX_BATCH).orElse(ports.reconcile().defaultBatchSize());
        String crvs = resolved(body.text("crvs").orElse(null));
        if (crvs == null || !ports.lookups().crvsIds().contains(crvs)) {
            throw crvs == null && ports.lookups().crvsIds().size() > 1
                    ? ApiException.badRequest("crvs", "several CRVS are configured; name one of "
                    + ports.lookups().crvsIds())
                    : ApiException.notFound(crvs == null ? "no CRVS is configured for outbound calls"
                    : "no CRVS " + SafeText.quote(crvs) + " is configured");
        }
        ReconcileJobs.Run run = ports.reconcile().start(crvs, batch, call.actor());
        ObjectNode node = ApiJson.object();
        node.set("run", CrvsViews.run(run));
        return new ApiResponse(202, node, null, java.util.Map.of("Location", call.location("/reconcile")));
    }

    /** The CRVS a request is for: the one named, else the only one configured, else {@code null}. */
    private String resolved(String requested) {
        if (requested != null) {
            return requested;
        }
        List<String> ids = ports.lookups().crvsIds();
        return ids.size() == 1 ? ids.get(0) : null;
    }

    private static Identifier identifier(FieldSource source, IdentifierType... allowed) {
        Identifier id = source.text("identifier").map(v -> FieldParsers.identifier("identifier", v))
                .orElseThrow(() -> ApiException.badRequest("identifier", "identifier is required (TYPE:VALUE, for"
                        + " example " + allowed[0].code() + ":12345)"));
        if (!List.of(allowed).contains(id.type())) {
            throw ApiException.badRequest("identifier", "identifier must be of type " + List.of(allowed) + ", not "
                    + id.type());
        }
        return id;
    }

    private static Optional<SearchQuery> query(JsonBody body) {
        Optional<String> identifier = body.text("identifier");
        Optional<List<String>> conditions = body.textList("conditions");
        if (identifier.isPresent() && conditions.isPresent()) {
            throw ApiException.badRequest("conditions", "give identifier or conditions, not both");
        }
        if (identifier.isPresent()) {
            return Optional.of(SearchQuery.identifier(FieldParsers.identifier("identifier", identifier.get())));
        }
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        List<SearchCondition> parsed = new ArrayList<>();
        for (String c : conditions.get()) {
            try {
                parsed.add(SearchCondition.parse(c));
            } catch (InvalidInputException e) {
                throw ApiException.badRequest("conditions", SafeText.clean(e.getMessage(), SafeText.MESSAGE_LIMIT));
            }
        }
        try {
            return Optional.of(new SearchQuery.ByPredicate(parsed));
        } catch (InvalidInputException e) {
            throw ApiException.badRequest("conditions", e.getMessage());
        }
    }

    /** The admin API error for a CRVS call that failed. */
    static ApiException failure(CrvsCallException e) {
        String message = SafeText.clean(e.getMessage(), SafeText.MESSAGE_LIMIT);
        return switch (e.failure()) {
            case UNKNOWN_CRVS -> ApiException.notFound(message);
            case TIMEOUT -> ApiException.of(ApiErrorCode.CRVS_TIMEOUT, message);
            case REJECTED -> ApiException.of(ApiErrorCode.CRVS_REJECTED, message);
            case UNTRUSTED -> ApiException.of(ApiErrorCode.CRVS_UNTRUSTED, message);
            case NOT_SUPPORTED -> ApiException.conflict(message);
            case UNAVAILABLE, BAD_RESPONSE -> ApiException.of(ApiErrorCode.CRVS_UNAVAILABLE, message);
        };
    }
}

package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.Note;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.ReceivedMessage;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.port.in.RetryEventUseCase;
import io.crvs.core.port.out.EventStore;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The event routes: list with filters and paging, detail (raw data, notes, audit trail), the envelope exactly as
 * received, add a note, retry one, retry all errors matching a filter. There is deliberately no route that deletes or edits an event: events are
 * the audit log.
 */
final class EventEndpoints {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_NOTE_LENGTH = 10_000;
    static final int MAX_REASON_LENGTH = 1_000;
    private static final Set<String> LIST_PARAMS = union(EventFilterReader.FIELDS, Set.of("offset", "limit"));
    private static final Set<String> RETRY_ALL_FIELDS = union(EventFilterReader.FIELDS, Set.of("reason", "all"));

    private final EventStore events;
    private final RetryEventUseCase retries;
    private final AdminAudit audit;

    EventEndpoints(EventStore events, RetryEventUseCase retries, AdminAudit audit) {
        this.events = Objects.requireNonNull(events, "events");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    void register(Router.Builder routes) {
        routes.add("GET", "/events", Permission.READ, this::list)
                .add("GET", "/events/{id}", Permission.READ, this::detail)
                .add("GET", "/events/{id}/raw", Permission.READ, this::raw)
                .add("POST", "/events/{id}/notes", Permission.WRITE_EVENTS, this::addNote)
                .add("POST", "/events/{id}/retry", Permission.WRITE_EVENTS, this::retry)
                .add("POST", "/events/retry", Permission.WRITE_EVENTS, this::retryAll);
    }

    private ApiResponse list(ApiCall call) {
        QueryParams query = call.query(LIST_PARAMS);
        EventFilter filter = EventFilterReader.read(query, true);
        int offset = query.intValue("offset", 0, 0, Integer.MAX_VALUE);
        int limit = query.intValue("limit", DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        return ApiResponse.ok(EventViews.page(events.list(filter, new PageRequest(offset, limit))));
    }

    private ApiResponse detail(ApiCall call) {
        call.query(Set.of());
        VitalEvent event = require(id(call));
        ObjectNode view = EventViews.detail(event, events.findMessage(event.senderId(), event.messageId()),
                events.history(event.id()));
        return ApiResponse.ok(view);
    }

    /**
     * The stored envelope of the event's message, byte for byte (the detail's {@code raw_envelope} is the same
     * document re-serialized): {@code application/json}, or {@code text/plain} for stored data that is not JSON,
     * never sniffed nor rendered as a page by a browser.
     */
    private ApiResponse raw(ApiCall call) {
        call.query(Set.of());
        VitalEvent event = require(id(call));
        ReceivedMessage message = events.findMessage(event.senderId(), event.messageId())
                .orElseThrow(() -> ApiException.notFound("the message of event " + event.id() + " is not stored"));
        byte[] body = message.rawBody();
        return ApiResponse.verbatim(body, Map.of("Content-Type", ApiJson.isJson(body) ? "application/json"
                : "text/plain; charset=utf-8", "X-Content-Type-Options", "nosniff",
                "Content-Security-Policy", "default-src 'none'; sandbox"));
    }

    private ApiResponse addNote(ApiCall call) throws IOException {
        EventId id = id(call);
        String text = call.body(true, Set.of("text")).requiredText("text");
        if (text.length() > MAX_NOTE_LENGTH) {
            throw ApiException.badRequest("text", "text must have at most " + MAX_NOTE_LENGTH + " characters");
        }
        require(id);
        Note note = new Note(call.actor(), text, call.now());
        events.addNote(id, note);
        return ApiResponse.created(EventViews.note(note), call.location("/events/" + id));
    }

    private ApiResponse retry(ApiCall call) throws IOException {
        EventId id = id(call);
        String reason = reason(call.body(false, Set.of("reason")));
        return ApiResponse.ok(EventViews.summary(retries.retry(id, call.actor(), reason)));
    }

    private ApiResponse retryAll(ApiCall call) throws IOException {
        call.query(Set.of()); // the filter goes in the body: a query string here would be silently ignored
        JsonBody body = call.body(false, RETRY_ALL_FIELDS);
        if (body.text("state").filter(s -> !s.equals("error")).isPresent()) {
            throw ApiException.badRequest("state", "only events in error can be retried: leave state out or use"
                    + " \"error\"");
        }
        EventFilter filter = EventFilterReader.read(body, false);
        String reason = reason(body);
        if (filter.equals(EventFilter.all()) && !body.bool("all").orElse(false)) {
            throw ApiException.badRequest("all", "give at least one filter (type, sender, from, to, identifier,"
                    + " person), or \"all\": true to retry every event in error");
        }
        int retried = retries.retryAll(filter, call.actor(), reason);
        audit.record(AdminAudit.RETRY_ALL, call.actor(), "filter " + EventFilterReader.describe(filter),
                "retried " + retried + (reason == null ? "" : "; reason: " + reason), call.now());
        ObjectNode answer = ApiJson.object();
        answer.put("retried", retried);
        return ApiResponse.ok(answer);
    }

    private static EventId id(ApiCall call) {
        return FieldParsers.eventId("id", call.variable("id"));
    }

    private VitalEvent require(EventId id) {
        return events.find(id).orElseThrow(() -> ApiException.notFound("no event " + id));
    }

    private static String reason(JsonBody body) {
        Optional<String> reason = body.text("reason");
        if (reason.isPresent() && reason.get().length() > MAX_REASON_LENGTH) {
            throw ApiException.badRequest("reason", "reason must have at most " + MAX_REASON_LENGTH + " characters");
        }
        return reason.filter(r -> !r.isBlank()).orElse(null);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}

package io.crvs.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.core.domain.Sender;
import io.crvs.core.port.out.KeyFetchException;
import io.crvs.core.port.out.KeysUnavailableException;
import io.crvs.core.port.out.SenderRegistry;
import io.crvs.http.codec.SafeText;
import io.crvs.http.keys.KeyFetchSummary;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * The sender routes: list and show (anyone), create, update, delete and fetch keys now (admin only, each
 * audited), and the stored keys. Deleting a sender keeps its messages and events.
 */
final class SenderEndpoints {

    private final SenderRegistry senders;
    private final KeyFetchNow keyFetch;
    private final AdminAudit audit;

    SenderEndpoints(SenderRegistry senders, KeyFetchNow keyFetch, AdminAudit audit) {
        this.senders = Objects.requireNonNull(senders, "senders");
        this.keyFetch = Objects.requireNonNull(keyFetch, "keyFetch");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    void register(Router.Builder routes) {
        routes.add("GET", "/senders", Permission.READ, this::list)
                .add("POST", "/senders", Permission.MANAGE_SENDERS, this::create)
                .add("GET", "/senders/{id}", Permission.READ, this::show)
                .add("PUT", "/senders/{id}", Permission.MANAGE_SENDERS, this::update)
                .add("DELETE", "/senders/{id}", Permission.MANAGE_SENDERS, this::delete)
                .add("POST", "/senders/{id}/fetch-keys", Permission.MANAGE_SENDERS, this::fetchKeys)
                .add("GET", "/senders/{id}/keys", Permission.READ, this::keys);
    }

    private ApiResponse list(ApiCall call) {
        call.query(Set.of());
        ObjectNode node = ApiJson.object();
        ArrayNode items = node.putArray("items");
        senders.list().forEach(s -> items.add(SenderViews.sender(s)));
        return ApiResponse.ok(node);
    }

    private ApiResponse show(ApiCall call) {
        call.query(Set.of());
        return ApiResponse.ok(SenderViews.sender(require(call)));
    }

    private ApiResponse create(ApiCall call) throws IOException {
        Sender sender = SenderForm.create(call.body(true, SenderForm.FIELDS));
        if (senders.find(sender.senderId()).isPresent()) {
            throw ApiException.conflict("sender " + sender.senderId() + " already exists; use PUT to change it");
        }
        Sender saved = senders.save(sender);
        audit.record(AdminAudit.SENDER_CREATE, call.actor(), subject(saved), "profile " + saved.profile().code(),
                call.now());
        return ApiResponse.created(SenderViews.sender(saved),
                call.location("/senders/" + saved.senderId().replace("/", "%2F")));
    }

    private ApiResponse update(ApiCall call) throws IOException {
        Sender current = require(call);
        Sender updated = SenderForm.update(current, call.body(true, SenderForm.FIELDS));
        Sender saved = senders.save(updated);
        audit.record(AdminAudit.SENDER_UPDATE, call.actor(), subject(saved), null, call.now());
        return ApiResponse.ok(SenderViews.sender(saved));
    }

    private ApiResponse delete(ApiCall call) {
        call.query(Set.of());
        Sender sender = require(call);
        if (!senders.delete(sender.senderId())) {
            throw ApiException.notFound("no sender " + sender.senderId());
        }
        audit.record(AdminAudit.SENDER_DELETE, call.actor(), subject(sender), null, call.now());
        ObjectNode node = ApiJson.object();
        node.put("sender_id", sender.senderId());
        node.put("deleted", true);
        return ApiResponse.ok(node);
    }

    private ApiResponse fetchKeys(ApiCall call) throws IOException {
        Sender sender = require(call);
        call.body(false, Set.of());
        if (sender.jwksUrl() == null) {
            throw ApiException.conflict("sender " + sender.senderId() + " has no JWKS URL (profile "
                    + sender.profile().code() + ")");
        }
        KeyFetchSummary summary;
        try {
            summary = keyFetch.fetchNow(sender);
        } catch (KeyFetchException | KeysUnavailableException e) {
            String reason = SafeText.clean(e.getMessage(), SafeText.MESSAGE_LIMIT);
            audit.record(AdminAudit.SENDER_FETCH_KEYS, call.actor(), subject(sender), "failed: " + reason,
                    call.now());
            throw ApiException.of(ApiErrorCode.KEY_FETCH_FAILED, reason);
        }
        audit.record(AdminAudit.SENDER_FETCH_KEYS, call.actor(), subject(sender),
                "fetched " + summary.keys().size() + " usable key(s)", call.now());
        return ApiResponse.ok(SenderViews.fetchSummary(summary));
    }

    private ApiResponse keys(ApiCall call) {
        call.query(Set.of());
        return ApiResponse.ok(SenderViews.storedKeys(require(call)));
    }

    private Sender require(ApiCall call) {
        String id = call.variable("id");
        return senders.find(id).orElseThrow(() -> ApiException.notFound("no sender " + SafeText.quote(id)));
    }

    private static String subject(Sender sender) {
        return "sender " + sender.senderId();
    }
}

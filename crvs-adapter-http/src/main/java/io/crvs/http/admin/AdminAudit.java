package io.crvs.http.admin;

import io.crvs.core.domain.AuditEntry;
import io.crvs.core.port.out.EventStore;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an administrative change that concerns no single event (sender create/update/delete/fetch-keys, bulk
 * retry) in the audit trail, with the caller as actor, and logs it. Audit lines and logs carry sender ids, user
 * names and counts, never identifier values or tokens.
 */
final class AdminAudit {

    static final String SENDER_CREATE = "sender_create";
    static final String SENDER_UPDATE = "sender_update";
    static final String SENDER_DELETE = "sender_delete";
    static final String SENDER_FETCH_KEYS = "sender_fetch_keys";
    static final String RETRY_ALL = "retry_all";

    private static final Logger LOG = LoggerFactory.getLogger(AdminAudit.class);

    private final EventStore events;

    AdminAudit(EventStore events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * @param subject what the action concerned ({@code sender crvs.example.gov}, {@code type=death}); logged
     * @param detail  the outcome or the operator's reason, or {@code null}; audited only (free text stays out of
     *                the logs)
     */
    void record(String action, String actor, String subject, String detail, Instant at) {
        String reason = detail == null || detail.isBlank() ? subject : subject + "; " + detail;
        events.audit(new AuditEntry(null, action, null, null, actor, reason, at));
        LOG.info("Admin action {} on {} by {}", action, subject, actor);
    }
}

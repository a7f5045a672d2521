/**
 * HTTP adapter: the admin API (JSON under {@code /api}), one Undertow handler, {@link io.crvs.http.admin.AdminApi},
 * built from the core's ports ({@link io.crvs.http.admin.AdminPorts}).
 *
 * <p>Routes (below the mount point) and who may call them ({@code admin} may call everything):
 * <pre>
 * GET    /me                          user   the caller's name and role
 * GET    /stats                       user   counts by state, due, oldest due
 * GET    /dashboard                   user   the stats, counts by type, received and in error in the last 24 h,
 *                                            each sender's key health and 24 h counts
 * GET    /events?state=&amp;type=&amp;sender=&amp;from=&amp;to=&amp;identifier=TYPE:VALUE&amp;person=&amp;offset=&amp;limit=
 *                                     user   a page of event summaries, newest first
 * GET    /events/{id}                 user   detail: identifiers, person record, raw item, raw envelope, notes, history
 * GET    /events/{id}/raw             user   the envelope of the event's message exactly as received (bytes)
 * POST   /events/{id}/notes           user   {"text"} → 201 the note (audited by the store)
 * POST   /events/{id}/retry           user   {"reason"?} → the event, due now (409 unless in error)
 * POST   /events/retry                user   {"type"?, "sender"?, "from"?, "to"?, "identifier"?, "person"?, "reason"?}
 *                                            → {"retried": n} (state ignored: only errors are retried)
 * GET    /senders, /senders/{id}      user   profile, JWKS URL, algorithms, active, fetch status, notes, key count
 * GET    /senders/{id}/keys           user   stored keys: kid, kty, alg, use, fetched at, source URL
 * POST   /senders                     admin  create → 201 (409 if it exists)
 * PUT    /senders/{id}                admin  update the given fields, keep the stored keys
 * DELETE /senders/{id}                admin  delete (its messages and events stay)
 * POST   /senders/{id}/fetch-keys     admin  fetch the JWKS now → the keys, or 502 key_fetch_failed
 * GET    /persons/{id}                user   a registry person
 * GET    /persons?identifier=TYPE:VALUE user every person carrying that identifier
 * </pre>
 * With the outbound CRVS client ({@link io.crvs.http.admin.CrvsAdminPorts}); {@code crvs} may be left out when one
 * CRVS is configured:
 * <pre>
 * GET    /crvs                        user   the configured CRVS
 * GET    /crvs/verify-birth?identifier=BRN:…|UIN:…&amp;crvs=
 *                                     user   found (the CRVS's record), not_found or ambiguous
 * GET    /crvs/check-death?identifier=UIN:…&amp;crvs=
 *                                     user   deceased (with death_date), not_deceased, not_found or ambiguous
 * POST   /crvs/search                 user   {"crvs"?, "identifier" | "conditions":["birth_date>=2020-01-01"],
 *                                            "event_type"?, "page"?, "page_size"?} → records, page, total_count
 * GET    /subscriptions?crvs=         user   our subscriptions, newest first
 * GET    /subscriptions/{id}          user   one subscription
 * POST   /subscriptions               admin  {"crvs"?, "event_type", "identifier" | "conditions"?} → 201 (pending
 *                                            until the CRVS's on-subscribe brings the code)
 * POST   /subscriptions/{id}/unsubscribe admin → the subscription, unsubscribing (409 unless active)
 * GET    /reconcile                   user   the latest reconciliation run and its progress
 * POST   /reconcile                   admin  {"crvs"?, "batch_size"?} → 202, runs in the background (409 if one runs)
 * </pre>
 * CRVS failures answer {@code crvs_unavailable} (502), {@code crvs_rejected} (502, the CRVS's code in the message),
 * {@code crvs_untrusted} (502) or {@code crvs_timeout} (504).
 * There is no route that deletes or edits an event: events are the audit log. Sender ids containing {@code /}
 * are sent as {@code %2F}.
 */
package io.crvs.http.admin;

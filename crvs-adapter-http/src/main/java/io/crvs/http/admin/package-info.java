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
 * There is no route that deletes or edits an event: events are the audit log. Sender ids containing {@code /}
 * are sent as {@code %2F}.
 */
package io.crvs.http.admin;

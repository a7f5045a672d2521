package io.crvs.core.service;

import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.NewVitalEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the vital event for one missing fact found by reconciliation. Its reference id is
 * {@code reconcile:<type>:<date>:<hash of the UIN>}: the same fact found again has the same id (the store then
 * reports it already queued), and no identifier value appears in it. The CRVS record is the event's person record,
 * with the UIN it was asked for added when the CRVS left it out, so the matcher finds the person.
 */
final class ReconcileEvents {

    private ReconcileEvents() {
    }

    static NewVitalEvent event(int index, String run, Identifier uin, MissingEvents.Missing missing) {
        String type = missing.type().name().toLowerCase(Locale.ROOT);
        String reference = "reconcile:" + type + ":" + missing.date() + ":" + digest(uin);
        String rawItem = "{\"source\":\"reconcile\",\"event\":\"" + type + "\",\"date\":\"" + missing.date()
                + "\",\"run\":\"" + jsonSafe(run) + "\"}";
        return new NewVitalEvent(index, reference, missing.type(), "reconcile:" + type, missing.date(),
                withUin(missing.record(), uin), rawItem, Map.of("source", "reconcile", "run", run));
    }

    private static CrvsPersonRecord withUin(CrvsPersonRecord r, Identifier uin) {
        if (r.identifiers().contains(uin)) {
            return r;
        }
        List<Identifier> ids = new ArrayList<>(r.identifiers());
        ids.add(0, uin);
        return new CrvsPersonRecord(ids, r.name(), r.sex(), r.birthDate(), r.deathDate(), r.maritalStatus(),
                r.marriageDate(), r.divorceDate(), r.parentIdentifiers());
    }

    private static String digest(Identifier uin) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((uin.type().code() + ":" + uin.value()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String jsonSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._:-]", "_");
    }
}

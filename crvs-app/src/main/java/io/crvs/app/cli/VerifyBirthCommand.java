package io.crvs.app.cli;

import io.crvs.app.Outbound;
import io.crvs.app.config.CrvsConfig;
import io.crvs.core.domain.BirthVerification;
import io.crvs.core.domain.Identifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crvs verify-birth BRN:…|UIN:…}: asks the CRVS for the birth record. */
@Command(name = "verify-birth", mixinStandardHelpOptions = true,
        description = "Ask the CRVS for a birth by BRN or UIN (signed search; the answer's signature is verified).")
public final class VerifyBirthCommand extends OutboundCommand {

    @Parameters(paramLabel = "IDENTIFIER", description = "BRN:value or UIN:value (a bare value is a BRN)")
    String identifier;

    @Override
    void run(Outbound outbound, CrvsConfig config) {
        Identifier id = identifier(identifier, "BRN");
        BirthVerification v = outbound.lookups().verifyBirth(crvs, id);
        if (v instanceof BirthVerification.Found found) {
            out().println("birth found: " + id.type());
            printRecord(found.record());
        } else if (v instanceof BirthVerification.Ambiguous a) {
            out().println("ambiguous: the CRVS holds " + a.count() + " different records for this " + id.type());
        } else {
            out().println("not found: the CRVS holds no birth record for this " + id.type());
        }
    }
}

package io.crvs.app.cli;

import io.crvs.app.Outbound;
import io.crvs.app.config.CrvsConfig;
import io.crvs.core.domain.DeathCheck;
import io.crvs.core.domain.Identifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crvs check-death UIN}: asks the CRVS whether the person died, and when. */
@Command(name = "check-death", mixinStandardHelpOptions = true,
        description = "Ask the CRVS whether the person with this UIN died (signed search; answer verified).")
public final class CheckDeathCommand extends OutboundCommand {

    @Parameters(paramLabel = "UIN", description = "the UIN (UIN:value or the bare value)")
    String uin;

    @Override
    void run(Outbound outbound, CrvsConfig config) {
        Identifier id = identifier(uin, "UIN");
        DeathCheck c = outbound.lookups().checkDeath(crvs, id);
        if (c instanceof DeathCheck.Deceased d) {
            out().println("deceased on " + d.deathDate());
            printRecord(d.record());
        } else if (c instanceof DeathCheck.NotDeceased n) {
            out().println("not deceased: the CRVS records no death");
            printRecord(n.record());
        } else if (c instanceof DeathCheck.Ambiguous a) {
            out().println("ambiguous: the CRVS's " + a.count() + " records for this UIN disagree");
        } else {
            out().println("not found: the CRVS holds no record for this UIN");
        }
    }
}

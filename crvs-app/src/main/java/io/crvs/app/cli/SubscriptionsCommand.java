package io.crvs.app.cli;

import io.crvs.app.Outbound;
import io.crvs.app.config.CrvsConfig;
import io.crvs.core.domain.EventTypeNormalizer;
import io.crvs.core.domain.SearchCondition;
import io.crvs.core.domain.SearchQuery;
import io.crvs.core.domain.Subscription;
import io.crvs.core.port.in.SubscriptionsUseCase.SubscribeCommand;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crvs subscriptions list|add|remove}: our subscriptions to CRVS events. The CRVS confirms a subscription
 * (with its code) and an unsubscribe by callbacks to the running server: until then they stay pending /
 * unsubscribing.
 */
@Command(name = "subscriptions", mixinStandardHelpOptions = true,
        description = "Subscribe to a CRVS's events, unsubscribe, list.",
        subcommands = {SubscriptionsCommand.ListSubscriptions.class, SubscriptionsCommand.Add.class,
                SubscriptionsCommand.Remove.class})
public final class SubscriptionsCommand {

    private SubscriptionsCommand() {
    }

    static void print(java.io.PrintWriter out, Subscription s) {
        out.printf("%-36s %-24s %-9s %-13s %-14s %s%n", s.id(), s.crvsId(),
                s.eventType().name().toLowerCase(Locale.ROOT), s.status().code(), s.code() == null ? "" : s.code(),
                s.statusReason() == null ? "" : s.statusReason());
    }

    static void header(java.io.PrintWriter out) {
        out.printf("%-36s %-24s %-9s %-13s %-14s %s%n", "ID", "CRVS", "EVENT", "STATUS", "CODE", "REASON");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List our subscriptions, newest first.")
    static final class ListSubscriptions extends OutboundCommand {
        @Override
        void run(Outbound outbound, CrvsConfig config) {
            header(out());
            outbound.subscriptions().list(crvs).forEach(s -> print(out(), s));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Subscribe to one kind of event.")
    static final class Add extends OutboundCommand {
        @Option(names = "--event-type", required = true, description = "birth, death, marriage, divorce, …")
        String eventType;

        @Option(names = "--identifier", description = "only the person with this identifier (TYPE:VALUE)")
        String identifier;

        @Option(names = "--condition", description = "only persons meeting it, e.g. region_code=R-01 (repeatable)")
        List<String> conditions = List.of();

        @Option(names = "--actor", defaultValue = "${sys:user.name}", description = "who (default: your login)")
        String actor;

        @Override
        void run(Outbound outbound, CrvsConfig config) {
            if (identifier != null && !conditions.isEmpty()) {
                throw new CliException("give --identifier or --condition, not both", 2);
            }
            SearchQuery filter = identifier != null ? SearchQuery.identifier(EventsCommand.parseIdentifier(identifier))
                    : conditions.isEmpty() ? null
                    : new SearchQuery.ByPredicate(conditions.stream().map(SearchCondition::parse).toList());
            Subscription s = outbound.subscriptions().subscribe(new SubscribeCommand(crvs,
                    EventTypeNormalizer.normalize(eventType), filter, actor));
            header(out());
            print(out(), s);
            if (s.code() == null) {
                out().println("sent and acknowledged; the CRVS's on-subscribe callback to the running server"
                        + " brings its code");
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Unsubscribe (the subscription must be active).")
    static final class Remove extends OutboundCommand {
        @Parameters(paramLabel = "ID", description = "the subscription's id (see list)")
        String id;

        @Option(names = "--actor", defaultValue = "${sys:user.name}", description = "who (default: your login)")
        String actor;

        @Override
        void run(Outbound outbound, CrvsConfig config) {
            Subscription s = outbound.subscriptions().unsubscribe(id, actor);
            header(out());
            print(out(), s);
        }
    }
}

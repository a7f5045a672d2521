package io.crvs.app.cli;

import io.crvs.app.Components;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.Note;
import io.crvs.core.domain.Page;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.domain.VitalEventType;
import io.crvs.core.service.RetryEventService;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crvs events …}: look at and act on received vital events. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Inspect and retry vital events.",
        subcommands = {EventsCommand.ListEvents.class, EventsCommand.Show.class, EventsCommand.Retry.class,
                EventsCommand.AddNote.class})
public final class EventsCommand {

    private EventsCommand() {
    }

    /** Shared parts of the sub-commands. */
    abstract static class Base extends OfflineCommand {

        VitalEvent require(Components c, long id) {
            if (id <= 0) {
                throw new CliException("event ids are positive numbers", 2);
            }
            return c.events().find(new EventId(id)).orElseThrow(() -> new CliException("no event " + id, 1));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List events, newest first.")
    static final class ListEvents extends Base {
        @Option(names = "--state", description = "received, processing, processed or error")
        String state;

        @Option(names = "--type", description = "birth, death, marriage, divorce, …")
        String type;

        @Option(names = "--sender", description = "sender id")
        String sender;

        @Option(names = "--identifier", description = "TYPE:VALUE, e.g. UIN:U-0000000777")
        String identifier;

        @Option(names = "--limit", defaultValue = "50", description = "how many (default ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--offset", defaultValue = "0", description = "how many to skip")
        int offset;

        @Override
        void run(Components c) {
            EventFilter f = EventFilter.all();
            if (state != null) {
                f = f.withState(EventState.parse(state));
            }
            if (type != null) {
                f = f.withType(parseType(type));
            }
            if (sender != null) {
                f = f.withSender(sender);
            }
            if (identifier != null) {
                f = f.withIdentifier(parseIdentifier(identifier));
            }
            Page<VitalEvent> page = c.events().list(f, new PageRequest(offset, limit));
            out().printf("%-8s %-10s %-11s %-8s %-16s %-12s %s%n", "ID", "TYPE", "STATE", "TRIES", "OUTCOME/ERROR",
                    "EVENT DATE", "SENDER / REFERENCE");
            for (VitalEvent e : page.items()) {
                String result = e.outcome() != null ? e.outcome().code()
                        : e.lastError() != null ? e.lastError().code() : "";
                out().printf("%-8s %-10s %-11s %-8d %-16s %-12s %s / %s%n", e.id(), e.type().name().toLowerCase(
                        Locale.ROOT), e.state().code(), e.attempts(), result, e.eventDate() == null ? "" : e.eventDate(),
                        e.senderId(), e.referenceId() == null ? "#" + e.itemIndex() : e.referenceId());
            }
            out().println(page.items().size() + " of " + page.total() + " events");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one event with its raw data.")
    static final class Show extends Base {
        @Parameters(paramLabel = "EVENT_ID")
        long id;

        @Override
        void run(Components c) {
            VitalEvent e = require(c, id);
            out().println("event:         " + e.id() + " (" + e.type().name().toLowerCase(Locale.ROOT) + ")");
            out().println("state:         " + e.state().code() + ", attempts " + e.attempts()
                    + (e.nextAttemptAt() == null ? "" : ", next attempt " + e.nextAttemptAt()));
            out().println("outcome:       " + (e.outcome() == null ? "" : e.outcome().code()));
            out().println("last error:    " + (e.lastError() == null ? ""
                    : e.lastError().code() + ": " + e.lastError().message()));
            out().println("event date:    " + (e.eventDate() == null ? "" : e.eventDate()));
            out().println("sender:        " + e.senderId() + ", message " + e.messageId() + ", reference "
                    + e.referenceId());
            out().println("matched:       " + (e.matchedPerson() == null ? "" : "person " + e.matchedPerson()));
            out().println("identifiers:   " + e.identifiers().stream().map(i -> i.type() + ":" + i.value()).toList());
            out().println("received at:   " + e.receivedAt());
            out().println("raw item:      " + e.details().rawItem());
            c.events().findMessage(e.senderId(), e.messageId()).ifPresent(m ->
                    out().println("raw envelope:  " + new String(m.rawBody(), StandardCharsets.UTF_8)));
            for (Note n : e.notes()) {
                out().println("note:          " + n.at() + " " + n.author() + ": " + n.text());
            }
            for (AuditEntry a : c.events().history(e.id())) {
                out().println("history:       " + a.at() + " " + a.action() + " " + (a.from() == null ? ""
                        : a.from().code()) + "->" + (a.to() == null ? "" : a.to().code()) + " by " + a.actor()
                        + (a.reason() == null ? "" : " (" + a.reason() + ")"));
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Put an event in error back in the queue.")
    static final class Retry extends Base {
        @Parameters(paramLabel = "EVENT_ID")
        long id;

        @Option(names = "--reason", required = true, description = "why (kept in the audit trail)")
        String reason;

        @Option(names = "--actor", defaultValue = "${sys:user.name}", description = "who (default: your login)")
        String actor;

        @Override
        void run(Components c) {
            require(c, id);
            new RetryEventService(c.events(), c.transactions(), c.clock()).retry(new EventId(id), actor, reason);
            out().println("event " + id + " queued again; a running server processes it shortly");
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note to an event.")
    static final class AddNote extends Base {
        @Parameters(index = "0", paramLabel = "EVENT_ID")
        long id;

        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        @Option(names = "--actor", defaultValue = "${sys:user.name}", description = "who (default: your login)")
        String actor;

        @Override
        void run(Components c) {
            require(c, id);
            c.events().addNote(new EventId(id), new Note(actor, text, c.clock().instant()));
            out().println("note added to event " + id);
        }
    }

    static VitalEventType parseType(String value) {
        return io.crvs.core.domain.EventTypeNormalizer.normalize(value);
    }

    static Identifier parseIdentifier(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new CliException("identifier must be TYPE:VALUE, e.g. UIN:U-0000000777", 2);
        }
        return Identifier.of(value.substring(0, colon), value.substring(colon + 1));
    }
}

package io.crvs.app.cli;

import io.crvs.app.Components;
import io.crvs.core.domain.AuditEntry;
import io.crvs.core.domain.CalendarDates;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.port.out.IdentifierConflictException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crvs persons …}: the reference registry of persons that events are matched against, for the standalone
 * server (a registry that embeds the core uses its own {@code PartnerRepository} instead).
 */
@Command(name = "persons", mixinStandardHelpOptions = true,
        description = "Load and look up the registry persons that vital events are applied to.",
        subcommands = {PersonsCommand.Add.class, PersonsCommand.Import.class, PersonsCommand.Show.class})
public final class PersonsCommand {

    private PersonsCommand() {
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add one person.")
    static final class Add extends OfflineCommand {
        @Option(names = "--given-name", description = "given name")
        String given;

        @Option(names = "--surname", description = "surname")
        String surname;

        @Option(names = "--birth-date", description = "YYYY-MM-DD")
        String birthDate;

        @Option(names = "--id", required = true, description = "identifier TYPE:VALUE (repeat for several), e.g. UIN:U-1")
        List<String> ids;

        @Override
        void run(Components c) {
            RegistryPerson p = person(given, surname, birthDate, ids.stream().map(EventsCommand::parseIdentifier)
                    .toList());
            RegistryPerson added;
            try {
                added = c.partners().add(p);
            } catch (IdentifierConflictException e) {
                throw new CliException(e.getMessage(), 1);
            }
            c.events().audit(new AuditEntry(null, "person_add", null, null, "cli", "person " + added.id(),
                    c.clock().instant()));
            out().println("added person " + added.id());
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Add persons from a CSV file (UTF-8) with the header given_name,surname,birth_date,identifiers",
        "where identifiers is a ;-separated list of TYPE:VALUE. A line that fails (bad date, identifier already",
        "registered) is reported with its line number and skipped; the others are added."})
    static final class Import extends OfflineCommand {
        @Parameters(paramLabel = "FILE", description = "the CSV file")
        Path file;

        @Override
        void run(Components c) {
            List<String> lines;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                lines = r.lines().toList();
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage(), 1);
            }
            if (lines.isEmpty() || !lines.get(0).strip().toLowerCase(Locale.ROOT)
                    .equals("given_name,surname,birth_date,identifiers")) {
                throw new CliException(file + ": the first line must be given_name,surname,birth_date,identifiers", 2);
            }
            int added = 0;
            List<String> problems = new ArrayList<>();
            for (int n = 1; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    String[] f = line.split(",", -1);
                    if (f.length != 4) {
                        throw new IllegalArgumentException("expected 4 fields, found " + f.length);
                    }
                    List<Identifier> ids = new ArrayList<>();
                    for (String id : f[3].split(";")) {
                        if (!id.isBlank()) {
                            ids.add(EventsCommand.parseIdentifier(id.strip()));
                        }
                    }
                    c.partners().add(person(f[0], f[1], f[2], ids));
                    added++;
                } catch (IllegalArgumentException | IdentifierConflictException | CliException e) {
                    problems.add("line " + (n + 1) + ": " + e.getMessage());
                }
            }
            c.events().audit(new AuditEntry(null, "person_import", null, null, "cli", "added " + added + " from "
                    + file.getFileName(), c.clock().instant()));
            problems.forEach(p -> spec.commandLine().getErr().println(p));
            out().println("added " + added + " persons" + (problems.isEmpty() ? "" : ", skipped " + problems.size()));
            if (!problems.isEmpty()) {
                throw new CliException(problems.size() + " lines were not imported", 1);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the persons with an identifier.")
    static final class Show extends OfflineCommand {
        @Parameters(paramLabel = "TYPE:VALUE", description = "e.g. UIN:U-0000000777")
        String identifier;

        @Override
        void run(Components c) {
            List<RegistryPerson> found = c.partners().findByIdentifier(EventsCommand.parseIdentifier(identifier));
            if (found.isEmpty()) {
                throw new CliException("nobody carries " + identifier, 1);
            }
            for (RegistryPerson p : found) {
                out().println("person " + p.id() + " (version " + p.version() + ")");
                out().println("  name:         " + (p.name() == null ? "" : p.name().fullName()));
                out().println("  birth date:   " + (p.birthDate() == null ? "" : p.birthDate()));
                out().println("  deceased:     " + (p.deceased() ? "yes" + (p.deathDate() == null ? ""
                        : ", " + p.deathDate()) : "no"));
                out().println("  civil status: " + (p.civilStatus() == null ? "" : p.civilStatus().name()
                        .toLowerCase(Locale.ROOT) + (p.civilStatusDate() == null ? "" : " since "
                        + p.civilStatusDate())));
                out().println("  identifiers:  " + p.identifiers().stream().map(i -> i.type() + ":" + i.value())
                        .toList());
            }
        }
    }

    static RegistryPerson person(String given, String surname, String birthDate, List<Identifier> ids) {
        if (ids.isEmpty()) {
            throw new CliException("a person needs at least one identifier", 2);
        }
        LocalDate birth = birthDate == null || birthDate.isBlank() ? null : CalendarDates.parse(birthDate);
        PersonName name = blank(given) && blank(surname) ? null : PersonName.of(trim(given), trim(surname));
        return RegistryPerson.newPerson(name, birth, ids);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}

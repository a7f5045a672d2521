package io.crvs.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.IdentifierType;
import io.crvs.core.domain.PersonId;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.port.out.IdentifierConflictException;
import io.crvs.core.port.out.PartnerRepository;
import io.crvs.core.port.out.StaleVersionException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link PartnerRepository} must meet. Identifiers are unique per test, so data may be shared. */
public abstract class AbstractPartnerRepositoryContract {

    protected PartnerRepository repo;

    protected abstract PartnerRepository createRepository();

    @BeforeEach
    void setUpContract() {
        repo = createRepository();
    }

    private static Identifier uin() {
        return Identifier.of("UIN", TestEvents.unique("U"));
    }

    @Test
    void givenNewPerson_add_assignsIdAndVersionOne() {
        Identifier uin = uin();
        RegistryPerson added = repo.add(RegistryPerson.newPerson(PersonName.of("Ada", "Examplar"),
                LocalDate.of(1996, 4, 2), List.of(uin)));

        assertThat(added.id()).isNotNull();
        assertThat(added.version()).isEqualTo(1);
        assertThat(repo.find(added.id())).contains(added);
        assertThat(repo.findByIdentifier(uin)).containsExactly(added);
    }

    @Test
    void givenUnknownIdentifier_find_returnsEmpty() {
        assertThat(repo.findByIdentifier(uin())).isEmpty();
        assertThat(repo.find(new PersonId(Long.MAX_VALUE - 3))).isEmpty();
    }

    @Test
    void givenCurrentVersion_update_storesEverythingAndBumpsVersion() {
        Identifier uin = uin();
        Identifier drn = Identifier.of("DRN", TestEvents.unique("D"));
        Identifier mrn = Identifier.of("MRN", TestEvents.unique("M"));
        RegistryPerson p = repo.add(RegistryPerson.newPerson(PersonName.of("Orin", "Placeholder"), null,
                List.of(uin)));

        RegistryPerson changed = p.withBirthDate(LocalDate.of(1941, 7, 1)).withDeath(LocalDate.of(2025, 3, 12))
                .withCivilStatus(CivilStatus.MARRIED, LocalDate.of(1968, 5, 4)).withIdentifier(drn)
                .withIdentifier(mrn);
        RegistryPerson updated = repo.update(changed);

        assertThat(updated.version()).isEqualTo(2);
        RegistryPerson found = repo.find(p.id()).orElseThrow();
        assertThat(found).isEqualTo(updated);
        assertThat(found.deceased()).isTrue();
        assertThat(found.deathDate()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(found.civilStatus()).isEqualTo(CivilStatus.MARRIED);
        assertThat(found.civilStatusDate()).isEqualTo(LocalDate.of(1968, 5, 4));
        assertThat(found.identifiers()).containsExactlyInAnyOrder(uin, drn, mrn);
        assertThat(repo.findByIdentifier(drn)).extracting(RegistryPerson::id).containsExactly(p.id());
    }

    @Test
    void givenStaleVersion_update_throwsAndChangesNothing() {
        RegistryPerson p = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));
        repo.update(p.withBirthDate(LocalDate.of(2000, 1, 1)));

        assertThatThrownBy(() -> repo.update(p.withBirthDate(LocalDate.of(1999, 1, 1))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(repo.find(p.id()).orElseThrow().birthDate()).isEqualTo(LocalDate.of(2000, 1, 1));
    }

    @Test
    void givenUniqueIdentifierOfAnother_addOrUpdate_throwsConflict() {
        Identifier uin = uin();
        repo.add(RegistryPerson.newPerson(null, null, List.of(uin)));
        RegistryPerson other = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));

        assertThatThrownBy(() -> repo.add(RegistryPerson.newPerson(null, null, List.of(uin))))
                .isInstanceOf(IdentifierConflictException.class);
        assertThatThrownBy(() -> repo.update(other.withIdentifier(uin)))
                .isInstanceOf(IdentifierConflictException.class);
        assertThat(repo.find(other.id()).orElseThrow().identifiers()).doesNotContain(uin);
    }

    @Test
    void updateAll_isUpdatingEachInTurn() {
        Identifier brn = Identifier.of("BRN", TestEvents.unique("B"));
        Identifier drn = Identifier.of("DRN", TestEvents.unique("D"));
        Identifier mrn = Identifier.of("MRN", TestEvents.unique("M"));
        RegistryPerson a = repo.add(RegistryPerson.newPerson(PersonName.of("Ada", "A"), null, List.of(uin())));
        RegistryPerson b = repo.add(RegistryPerson.newPerson(null, LocalDate.of(1990, 1, 1), List.of(uin(), mrn)));
        RegistryPerson c = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));

        List<RegistryPerson> updated = repo.updateAll(List.of(
                a.withBirthDate(LocalDate.of(2025, 3, 10)).withIdentifier(brn),
                b.withDeath(LocalDate.of(2025, 4, 1)).withIdentifier(drn),
                c.withCivilStatus(CivilStatus.MARRIED, LocalDate.of(2025, 2, 2)).withIdentifier(mrn)));

        assertThat(updated).extracting(RegistryPerson::version).containsExactly(2L, 2L, 2L);
        for (RegistryPerson u : updated) {
            assertThat(repo.find(u.id())).contains(u);
        }
        assertThat(repo.findByIdentifier(brn)).extracting(RegistryPerson::id).containsExactly(a.id());
        assertThat(repo.findByIdentifier(drn)).extracting(RegistryPerson::id).containsExactly(b.id());
        assertThat(repo.findByIdentifier(mrn)).extracting(RegistryPerson::id).containsExactly(b.id(), c.id());
        assertThat(repo.find(b.id()).orElseThrow().identifiers()).containsExactly(b.identifiers().get(0), mrn, drn);

        RegistryPerson again = updated.get(0);
        List<RegistryPerson> twice = repo.updateAll(List.of(again.withDeath(LocalDate.of(2025, 5, 5)),
                again.withDeath(LocalDate.of(2025, 5, 5)).withIdAndVersion(again.id(), 3)
                        .withCivilStatus(CivilStatus.SINGLE, null)));
        assertThat(twice).extracting(RegistryPerson::version).containsExactly(3L, 4L);
        assertThat(repo.find(again.id())).contains(twice.get(1));
    }

    @Test
    void updateAll_leavesEachPersonWithExactlyItsNewIdentifiersInOrder() {
        Identifier u1 = uin();
        Identifier u2 = uin();
        Identifier u3 = uin();
        Identifier u4 = uin();
        Identifier brn = Identifier.of("BRN", TestEvents.unique("B"));
        Identifier moved = Identifier.of("DRN", TestEvents.unique("D"));
        RegistryPerson same = repo.add(RegistryPerson.newPerson(null, null, List.of(u1)));
        RegistryPerson added = repo.add(RegistryPerson.newPerson(null, null, List.of(u2)));
        RegistryPerson reordered = repo.add(RegistryPerson.newPerson(null, null, List.of(u3, brn)));
        RegistryPerson giving = repo.add(RegistryPerson.newPerson(null, null, List.of(u4, moved)));
        RegistryPerson taking = repo.add(RegistryPerson.newPerson(null, null, List.of()));

        repo.updateAll(List.of(
                same.withBirthDate(LocalDate.of(2000, 1, 1)),
                added.withIdentifier(Identifier.of("MRN", TestEvents.unique("M"))),
                RegistryPerson.newPerson(null, null, List.of(brn, u3)).withIdAndVersion(reordered.id(),
                        reordered.version()),
                RegistryPerson.newPerson(null, null, List.of(u4)).withIdAndVersion(giving.id(), giving.version()),
                taking.withIdentifier(moved)));

        assertThat(repo.find(same.id()).orElseThrow().identifiers()).containsExactly(u1);
        assertThat(repo.find(added.id()).orElseThrow().identifiers()).hasSize(2).startsWith(u2);
        assertThat(repo.find(reordered.id()).orElseThrow().identifiers()).containsExactly(brn, u3);
        assertThat(repo.find(giving.id()).orElseThrow().identifiers()).containsExactly(u4);
        assertThat(repo.find(taking.id()).orElseThrow().identifiers()).containsExactly(moved);
        assertThat(repo.findByIdentifier(moved)).extracting(RegistryPerson::id).containsExactly(taking.id());
        assertThat(repo.findByIdentifier(u3)).extracting(RegistryPerson::id).containsExactly(reordered.id());
    }

    @Test
    void updateAll_refusesAStaleVersionOrATakenIdentifier() {
        Identifier taken = uin();
        repo.add(RegistryPerson.newPerson(null, null, List.of(taken)));
        RegistryPerson a = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));
        RegistryPerson b = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));
        repo.update(b.withBirthDate(LocalDate.of(2001, 1, 1)));

        assertThatThrownBy(() -> repo.updateAll(List.of(a.withBirthDate(LocalDate.of(2002, 2, 2)),
                b.withBirthDate(LocalDate.of(2003, 3, 3))))).isInstanceOf(StaleVersionException.class);
        RegistryPerson current = repo.find(b.id()).orElseThrow();
        assertThatThrownBy(() -> repo.updateAll(List.of(current.withDeath(LocalDate.of(2020, 1, 1)),
                repo.find(a.id()).orElseThrow().withIdentifier(taken))))
                .isInstanceOf(IdentifierConflictException.class);
    }

    @Test
    void givenSharedMrn_twoSpouses_bothCarryIt() {
        Identifier mrn = Identifier.of("MRN", TestEvents.unique("M"));
        RegistryPerson a = repo.add(RegistryPerson.newPerson(null, null, List.of(uin(), mrn)));
        RegistryPerson b = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));
        repo.update(b.withIdentifier(mrn));

        assertThat(repo.findByIdentifier(mrn)).extracting(RegistryPerson::id).containsExactly(a.id(), b.id());
    }

    @Test
    void identifierValuesThatLookLikeArraySyntaxOrNull_areKeptVerbatimByTheBatchOperations() {
        List<Identifier> odd = List.of(Identifier.of("UIN", "NULL"),
                Identifier.of("BRN", "{a,\"b\"}\\ " + TestEvents.unique("x")),
                Identifier.of("DRN", "  spaced, " + TestEvents.unique("y") + " "),
                Identifier.of("MRN", "\"" + TestEvents.unique("z")));
        RegistryPerson a = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));
        RegistryPerson b = repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));
        RegistryPerson withOdd = a;
        for (Identifier i : odd) {
            withOdd = withOdd.withIdentifier(i);
        }

        repo.updateAll(List.of(withOdd, b.withBirthDate(LocalDate.of(2001, 2, 3))));

        assertThat(repo.find(a.id()).orElseThrow().identifiers()).containsExactlyElementsOf(withOdd.identifiers());
        Map<Identifier, List<RegistryPerson>> found = repo.findByIdentifiers(odd);
        for (Identifier i : odd) {
            assertThat(found.get(i)).as(i.value()).extracting(RegistryPerson::id).contains(a.id());
        }
    }

    @Test
    void identifierValues_areKeptVerbatim() {
        Identifier hostile = Identifier.of("UIN", "x'; DROP TABLE person; -- " + TestEvents.unique("\"q\""));
        RegistryPerson p = repo.add(RegistryPerson.newPerson(PersonName.of("Zoë", "Ñúñez-Øster"), null,
                List.of(hostile)));

        RegistryPerson found = repo.findByIdentifier(hostile).get(0);
        assertThat(found.id()).isEqualTo(p.id());
        assertThat(found.name().givenName()).isEqualTo("Zoë");
        assertThat(found.identifiers()).containsExactly(hostile);
    }

    @Test
    void findByIdentifiers_answersForEachIdentifierWhatFindByIdentifierDoes() {
        Identifier mrn = Identifier.of("MRN", TestEvents.unique("M"));
        Identifier uinA = uin();
        Identifier brnA = Identifier.of("BRN", TestEvents.unique("B"));
        Identifier uinB = uin();
        Identifier unknown = uin();
        RegistryPerson a = repo.add(RegistryPerson.newPerson(null, null, List.of(uinA, brnA, mrn)));
        RegistryPerson b = repo.add(RegistryPerson.newPerson(null, null, List.of(uinB, mrn)));
        List<Identifier> asked = List.of(uinB, unknown, mrn, brnA, uinA, uinB);

        Map<Identifier, List<RegistryPerson>> found = repo.findByIdentifiers(asked);

        for (Identifier i : asked) {
            assertThat(found.get(i)).as(i.type().code()).isEqualTo(repo.findByIdentifier(i));
        }
        assertThat(found.get(mrn)).extracting(RegistryPerson::id).containsExactly(a.id(), b.id());
        assertThat(found.get(unknown)).isEmpty();
        assertThat(found.get(brnA)).containsExactly(repo.find(a.id()).orElseThrow());
        assertThat(repo.findByIdentifiers(List.of())).isEmpty();
    }

    @Test
    void givenPersonsWithAndWithoutAType_findWithIdentifierType_pagesThroughThoseWithItInIdOrder() {
        IdentifierType type = IdentifierType.of(TestEvents.unique("T"));
        RegistryPerson a = repo.add(RegistryPerson.newPerson(null, null, List.of(uin(),
                new Identifier(type, TestEvents.unique("a")))));
        repo.add(RegistryPerson.newPerson(null, null, List.of(uin())));
        RegistryPerson b = repo.add(RegistryPerson.newPerson(null, null, List.of(
                new Identifier(type, TestEvents.unique("b")), new Identifier(type, TestEvents.unique("b2")))));
        RegistryPerson c = repo.add(RegistryPerson.newPerson(null, null, List.of(
                new Identifier(type, TestEvents.unique("c")))));

        List<RegistryPerson> first = repo.findWithIdentifierType(type, null, 2);
        List<RegistryPerson> second = repo.findWithIdentifierType(type, first.get(1).id(), 2);

        assertThat(first).containsExactly(a, b);
        assertThat(second).containsExactly(c);
        assertThat(repo.findWithIdentifierType(type, c.id(), 2)).isEmpty();
        assertThat(repo.findWithIdentifierType(IdentifierType.of(TestEvents.unique("none")), null, 5)).isEmpty();
    }
}

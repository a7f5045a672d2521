package io.crvs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.VitalEventType;
import io.crvs.core.spi.fixture.AlwaysConflictingBirthHandler;
import io.crvs.core.spi.fixture.OtherBirthHandler;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ServiceLoader discovery: a provider on the class path replaces the default. */
class HandlerRegistryTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearPriority() {
        System.clearProperty("test.other.priority");
    }

    /** A class loader that sees the test classes plus a services file naming {@code providers}. */
    private ClassLoader withProviders(Class<?> spi, Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder sb = new StringBuilder("# test providers\n");
        for (Class<?> p : providers) {
            sb.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(spi.getName()), sb.toString());
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void withoutProviders_defaultsAreUsed() throws IOException {
        HandlerRegistry r = HandlerRegistry.load(withProviders(DeathHandler.class));
        assertThat(r.handlerFor(VitalEventType.BIRTH)).containsInstanceOf(DefaultBirthHandler.class);
        assertThat(r.handlerFor(VitalEventType.DEATH)).containsInstanceOf(DefaultDeathHandler.class);
        assertThat(r.handlerFor(VitalEventType.MARRIAGE)).containsInstanceOf(DefaultMarriageHandler.class);
        assertThat(r.handlerFor(VitalEventType.DIVORCE)).containsInstanceOf(DefaultDivorceHandler.class);
        assertThat(r.matcher()).isInstanceOf(DefaultPersonMatcher.class);
        assertThat(r.handlerFor(VitalEventType.FETAL_DEATH)).isEmpty();
    }

    @Test
    void providerOnClassPath_replacesTheDefault() throws IOException {
        HandlerRegistry r = HandlerRegistry.load(withProviders(BirthHandler.class,
                AlwaysConflictingBirthHandler.class));
        assertThat(r.handlerFor(VitalEventType.BIRTH)).containsInstanceOf(AlwaysConflictingBirthHandler.class);
        assertThat(r.handlerFor(VitalEventType.DEATH)).containsInstanceOf(DefaultDeathHandler.class);
        assertThat(r.describe()).contains(AlwaysConflictingBirthHandler.class.getName());
    }

    @Test
    void twoProvidersWithSamePriority_failStartUpNamingBoth() throws IOException {
        ClassLoader cl = withProviders(BirthHandler.class, AlwaysConflictingBirthHandler.class,
                OtherBirthHandler.class);
        assertThatThrownBy(() -> HandlerRegistry.load(cl)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AlwaysConflictingBirthHandler.class.getName())
                .hasMessageContaining(OtherBirthHandler.class.getName());
    }

    @Test
    void twoProviders_highestPriorityWins() throws IOException {
        System.setProperty("test.other.priority", "10");
        HandlerRegistry r = HandlerRegistry.load(withProviders(BirthHandler.class,
                AlwaysConflictingBirthHandler.class, OtherBirthHandler.class));
        assertThat(r.handlerFor(VitalEventType.BIRTH)).containsInstanceOf(OtherBirthHandler.class);
    }
}

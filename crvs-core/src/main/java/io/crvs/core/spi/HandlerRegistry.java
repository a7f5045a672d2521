package io.crvs.core.spi;

import io.crvs.core.domain.VitalEventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.ToIntFunction;

/**
 * The handlers and the person matcher in use, discovered with {@link ServiceLoader}.
 *
 * <p>Rule: for each SPI type ({@link BirthHandler}, {@link DeathHandler}, {@link MarriageHandler},
 * {@link DivorceHandler}, {@link PersonMatcher}) every provider listed in {@code META-INF/services} on the class
 * path is loaded. None: the built-in default is used. One or more: the one with the highest
 * {@code priority()} replaces the default. Two with the same highest priority: start-up fails with an
 * {@link IllegalStateException} naming both classes, so a bad plug-in is found at once, not on the first event.
 */
public final class HandlerRegistry {

    private final BirthHandler birth;
    private final DeathHandler death;
    private final MarriageHandler marriage;
    private final DivorceHandler divorce;
    private final PersonMatcher matcher;

    public HandlerRegistry(BirthHandler birth, DeathHandler death, MarriageHandler marriage, DivorceHandler divorce,
                           PersonMatcher matcher) {
        this.birth = Objects.requireNonNull(birth, "birth");
        this.death = Objects.requireNonNull(death, "death");
        this.marriage = Objects.requireNonNull(marriage, "marriage");
        this.divorce = Objects.requireNonNull(divorce, "divorce");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /** The built-in defaults only. */
    public static HandlerRegistry defaults() {
        return new HandlerRegistry(new DefaultBirthHandler(), new DefaultDeathHandler(), new DefaultMarriageHandler(),
                new DefaultDivorceHandler(), new DefaultPersonMatcher());
    }

    /** Loads providers from the given class loader (see the class comment for the rule). */
    public static HandlerRegistry load(ClassLoader classLoader) {
        return new HandlerRegistry(
                pick(BirthHandler.class, classLoader, BirthHandler::priority, new DefaultBirthHandler()),
                pick(DeathHandler.class, classLoader, DeathHandler::priority, new DefaultDeathHandler()),
                pick(MarriageHandler.class, classLoader, MarriageHandler::priority, new DefaultMarriageHandler()),
                pick(DivorceHandler.class, classLoader, DivorceHandler::priority, new DefaultDivorceHandler()),
                pick(PersonMatcher.class, classLoader, PersonMatcher::priority, new DefaultPersonMatcher()));
    }

    static <T> T pick(Class<T> spi, ClassLoader classLoader, ToIntFunction<T> priority, T fallback) {
        List<T> providers = new ArrayList<>();
        ServiceLoader.load(spi, classLoader).forEach(providers::add);
        if (providers.isEmpty()) {
            return fallback;
        }
        providers.sort(Comparator.comparingInt(priority).reversed());
        if (providers.size() > 1 && priority.applyAsInt(providers.get(0)) == priority.applyAsInt(providers.get(1))) {
            throw new IllegalStateException("two " + spi.getSimpleName() + " providers with the same priority "
                    + priority.applyAsInt(providers.get(0)) + ": " + providers.get(0).getClass().getName() + " and "
                    + providers.get(1).getClass().getName() + "; give one a higher priority() or remove one");
        }
        return providers.get(0);
    }

    /** The handler for a supported type, or empty for recognised-but-unsupported types. */
    public Optional<VitalEventHandler> handlerFor(VitalEventType type) {
        return Optional.ofNullable(switch (type) {
            case BIRTH -> birth;
            case DEATH -> death;
            case MARRIAGE -> marriage;
            case DIVORCE -> divorce;
            default -> null;
        });
    }

    public PersonMatcher matcher() {
        return matcher;
    }

    /** Class names in use, for the start-up log. */
    public String describe() {
        return "birth=" + birth.getClass().getName() + ", death=" + death.getClass().getName()
                + ", marriage=" + marriage.getClass().getName() + ", divorce=" + divorce.getClass().getName()
                + ", matcher=" + matcher.getClass().getName();
    }
}

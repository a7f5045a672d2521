package io.crvs.core.domain;

/**
 * Kind of vital event a CRVS system notifies. Only {@link #BIRTH}, {@link #DEATH}, {@link #MARRIAGE} and
 * {@link #DIVORCE} change a registry person; the other kinds are recognised, stored and recorded as
 * {@code unsupported} so that nothing a CRVS sends is silently lost.
 *
 * <p>Use {@link EventTypeNormalizer#normalize(String)} to map the many spellings seen on the wire.
 */
public enum VitalEventType {
    BIRTH(true),
    DEATH(true),
    MARRIAGE(true),
    DIVORCE(true),
    FETAL_DEATH(false),
    ADOPTION(false),
    ANNULMENT(false),
    SEPARATION(false),
    DEMOGRAPHIC_CHANGE(false),
    REGISTRATION(false),
    UPDATE(false),
    UNREGISTER(false);

    private final boolean supported;

    VitalEventType(boolean supported) {
        this.supported = supported;
    }

    /** Whether the receiver has a handler that applies this kind of event to a registry person. */
    public boolean supported() {
        return supported;
    }
}

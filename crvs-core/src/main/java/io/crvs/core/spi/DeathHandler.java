package io.crvs.core.spi;

/** SPI: applies a death event to the matched registry person. Default: {@link DefaultDeathHandler}. */
public interface DeathHandler extends VitalEventHandler {
}

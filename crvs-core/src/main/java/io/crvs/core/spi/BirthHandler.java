package io.crvs.core.spi;

/** SPI: applies a birth event to the matched registry person. Default: {@link DefaultBirthHandler}. */
public interface BirthHandler extends VitalEventHandler {
}

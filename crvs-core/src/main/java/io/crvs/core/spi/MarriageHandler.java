package io.crvs.core.spi;

/** SPI: applies a marriage event to the matched registry person. Default: {@link DefaultMarriageHandler}. */
public interface MarriageHandler extends VitalEventHandler {
}

package io.crvs.core.spi;

/** SPI: applies a divorce event to the matched registry person. Default: {@link DefaultDivorceHandler}. */
public interface DivorceHandler extends VitalEventHandler {
}

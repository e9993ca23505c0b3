package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An enum written to JSON and CSV as its lower-case name ({@code AT_LEAST} → {@code at_least}). */
public interface Labeled {

  /** The enum constant's name, as every enum implementing this has. */
  String name();

  /** The label used in output files. */
  @JsonValue
  default String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

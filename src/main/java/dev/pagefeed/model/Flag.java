package dev.pagefeed.model;

/** A note on how an entity was read. */
public enum Flag implements Labeled {
  TRUNCATED,
  REVERSED_RANGE,
  SCHEME_INFERRED,
  NO_YEAR,
  AREA_CODE_MISMATCH,
  AMBIGUOUS
}

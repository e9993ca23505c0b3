package dev.pagefeed.model;

/** A qualifier taken from the words around an entity's span ("约" → {@code APPROX}). */
public enum Mod implements Labeled {
  APPROX,
  AT_LEAST,
  AT_MOST,
  MORE_THAN,
  LESS_THAN,
  SINCE,
  UNTIL,
  START,
  MID,
  END
}

package dev.pagefeed.model;

/** The kinds of typed field pagefeed extracts, in the order the overlap resolver prefers them. */
public enum EntityKind implements Labeled {
  EMAIL,
  URL,
  DATE,
  PHONE,
  PERCENT,
  MONEY,
  QUANTITY
}

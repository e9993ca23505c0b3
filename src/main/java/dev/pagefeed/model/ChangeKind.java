package dev.pagefeed.model;

/** How a page changed since the previous run. */
public enum ChangeKind implements Labeled {
  /** Its id was not in the previous run. */
  ADDED,
  /** Its id was, with another content hash. */
  UPDATED,
  /** Its id was, and is no more (its file was removed, or no longer gives that page). */
  REMOVED
}

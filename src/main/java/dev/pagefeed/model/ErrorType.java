package dev.pagefeed.model;

/** Why an input could not become a page. */
public enum ErrorType implements Labeled {
  /** The file could not be read at all, or a folder could not be listed. */
  UNREADABLE,
  /** Not a regular file (a FIFO, a socket, a device, a link to nothing, a link loop): never opened. */
  NOT_A_FILE,
  /** The file has no bytes, or only white space. */
  EMPTY,
  /** The file is larger than {@code --maxPageBytes}. */
  TOO_LARGE,
  /** The bytes look like a binary file, not text. */
  BINARY,
  /** The bytes are not valid in any supported encoding. */
  UNDECODABLE,
  /** The text has no title line. */
  NO_TITLE,
  /** Extracting the page's entities took longer than {@code --pageTimeoutSeconds}. */
  TIMEOUT,
  /**
   * Another input file, first by path, gave a page with the same id (the same URL, or the same
   * source key): that file's page is kept, this one's records are left out.
   */
  DUPLICATE_ID,
  /** A WARC record that cannot be read: corrupt, or cut short (the rest of its file is still read). */
  BROKEN_RECORD,
  /**
   * What pagefeed does not read, undamaged: a WARC record's body in a content encoding it does not
   * decode (the message names it), or a WARC file in a version it does not read (one line per file).
   */
  UNSUPPORTED
}

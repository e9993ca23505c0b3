package dev.pagefeed.run;

/**
 * A run that stops before its commit because it cannot vouch for what it would commit (it would
 * remove too many pages, or what it builds on does not match its manifest): nothing is switched,
 * the previous run stays current, and the message says why and what to do.
 */
public class RunRefused extends RuntimeException {
  public RunRefused(String message) {
    super(message);
  }
}

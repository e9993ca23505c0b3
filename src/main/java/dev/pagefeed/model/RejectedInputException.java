package dev.pagefeed.model;

/** An input that is not a page; it becomes an {@link ErrorRecord}, not a failed run. */
public final class RejectedInputException extends Exception {

  private final ErrorType type;

  public RejectedInputException(ErrorType type, String message) {
    super(message);
    this.type = type;
  }

  public ErrorType type() {
    return type;
  }
}

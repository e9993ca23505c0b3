package dev.pagefeed.segment;

/**
 * One line of a page in the line model that every input format is rendered to.
 *
 * @param indent leading spaces (a tab counts 4)
 * @param text the line without its indentation, not yet cleaned
 * @param afterBlank whether a blank line (or a block break) stands right before it
 */
public record Line(int indent, String text, boolean afterBlank) {

  /** Splits a text dump into its non-blank lines. */
  public static java.util.List<Line> fromText(String text) {
    java.util.List<Line> lines = new java.util.ArrayList<>();
    boolean blank = false;
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      int indent = 0;
      int i = 0;
      while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t'
          || raw.charAt(i) == '\u3000' || raw.charAt(i) == '\uFEFF')) {
        indent += raw.charAt(i) == '\t' ? 4 : raw.charAt(i) == '\uFEFF' ? 0 : 1;
        i++;
      }
      String rest = raw.substring(i).strip();
      if (rest.isEmpty()) {
        blank = true;
        continue;
      }
      lines.add(new Line(indent, rest, blank));
      blank = false;
    }
    return lines;
  }
}

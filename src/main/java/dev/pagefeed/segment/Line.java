package dev.pagefeed.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a page in the line model that every input format is rendered to, so that one
 * segmenter serves text dumps and HTML alike.
 *
 * @param indent leading spaces (a tab counts 4)
 * @param text the line without its indentation, not yet cleaned
 * @param afterBlank whether a blank line (or a block break) stands right before it
 * @param role what the input's markup says the line is; {@link Role#TEXT} when it says nothing
 *     (text dumps), so that the segmenter's markers decide
 * @param href the link the line carries (a card title's page), absolute when it could be made so
 */
public record Line(int indent, String text, boolean afterBlank, Role role, String href) {

  /** What markup says a line is. */
  public enum Role {
    /** Nothing: the segmenter's markers decide. */
    TEXT,
    /** A heading element; indent 0 is level 1, more is level 2. */
    HEADING,
    /** A list item element. */
    LIST_ITEM
  }

  /** A line of a text dump: no markup, no link. */
  public Line(int indent, String text, boolean afterBlank) {
    this(indent, text, afterBlank, Role.TEXT, null);
  }

  /** Splits a text dump into its non-blank lines. */
  public static List<Line> fromText(String text) {
    List<Line> lines = new ArrayList<>();
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

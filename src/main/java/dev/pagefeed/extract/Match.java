package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.EntityValue;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.Mod;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A typed field found in a text, with its span in UTF-16 indices into that text.
 *
 * <pre>
 *   text  = "咨询电话是0375-3695011。"
 *   match = Match(PHONE, 5, 17, "+863753695011", PhoneValue(...), null, {})
 * </pre>
 *
 * @param kind what it is
 * @param start index of its first char
 * @param end index after its last char
 * @param normalized canonical form, or null when it cannot be normalized
 * @param value parsed parts, or null when nothing could be parsed
 * @param mod qualifier from the words around it, or null
 * @param flags notes on the reading
 */
public record Match(
    EntityKind kind, int start, int end, String normalized, EntityValue value, Mod mod,
    Set<Flag> flags) {

  public Match {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /** A match with no mod and no flags. */
  public static Match of(EntityKind kind, int start, int end, String normalized, EntityValue value) {
    return new Match(kind, start, end, normalized, value, null, Set.of());
  }

  /** The same entity at another span: a view span mapped back to the original text. */
  public Match withSpan(int newStart, int newEnd) {
    return new Match(kind, newStart, newEnd, normalized, value, mod, flags);
  }

  public Match withMod(Mod newMod) {
    return new Match(kind, start, end, normalized, value, newMod, flags);
  }

  public Match withFlag(Flag flag) {
    Set<Flag> more = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
    more.add(flag);
    return new Match(kind, start, end, normalized, value, mod, more);
  }

  /** The same span, cut off by the end of a truncated text: no normalized value. */
  public Match truncated() {
    return new Match(kind, start, end, null, value, mod, flags).withFlag(Flag.TRUNCATED);
  }

  public boolean overlaps(Match other) {
    return start < other.end && other.start < end;
  }
}

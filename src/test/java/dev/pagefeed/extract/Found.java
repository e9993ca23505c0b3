package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.Mod;
import java.util.List;
import java.util.stream.Collectors;

/** An entity as tests compare it: the fields a user reads, in one line. */
record Found(EntityKind kind, String text, String normalized, Mod mod, String flags) {

  private static final EntityExtractor EXTRACTOR = new EntityExtractor();

  /** Everything the composite extractor finds in {@code text}. */
  static List<Found> in(String text) {
    return in(text, false);
  }

  static List<Found> in(String text, boolean truncated) {
    return EXTRACTOR.find(Text.of(text, truncated)).stream()
        .map(m -> new Found(m.kind(), text.substring(m.start(), m.end()), m.normalized(), m.mod(),
            m.flags().stream().sorted().map(Flag::label).collect(Collectors.joining("|"))))
        .toList();
  }

  /** What the composite extractor finds of one kind. */
  static List<Found> in(String text, EntityKind kind) {
    return in(text).stream().filter(f -> f.kind() == kind).toList();
  }

  static Found of(EntityKind kind, String text, String normalized) {
    return new Found(kind, text, normalized, null, "");
  }
}

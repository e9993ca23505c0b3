package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every extractor finishes on 1 MB of hostile text. The limit is a hang detector (catastrophic
 * backtracking takes hours), not a speed target; bench/hostile.sh reports the times.
 */
class HostileTextTest {

  /** Far above the seconds a linear pass takes on a slow, shared machine. */
  private static final Duration HANG = Duration.ofSeconds(60);

  static Stream<Arguments> texts() {
    return HostileText.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void everyExtractorFinishes(String name, String hostile) {
    Text text = Text.of(hostile, true);
    List<Extractor> extractors = List.of(new EmailExtractor(), new UrlExtractor(), new DateExtractor(),
        new PhoneExtractor(), new PercentExtractor(), new MoneyExtractor(), new QuantityExtractor());
    for (Extractor extractor : extractors) {
      List<Match> found = assertTimeoutPreemptively(HANG, () -> extractor.find(text),
          () -> extractor.getClass().getSimpleName() + " on " + name);
      assertTrue(found.stream().allMatch(m -> m.end() <= text.view().length()));
    }
    List<Match> all = assertTimeoutPreemptively(HANG, () -> new EntityExtractor().find(text));
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).end() <= all.get(i).start(), "overlap in " + name);
    }
  }

}

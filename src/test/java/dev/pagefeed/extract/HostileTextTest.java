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


  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void hostilePageStillGivesAPageRecord(String name, String hostile) throws Exception {
    var page = new dev.pagefeed.segment.SegmentedPage("医保中心电话", null, null, hostile, java.util.List.of(),
        null, java.util.List.of(), java.util.List.of(), java.util.List.of());
    var source = new dev.pagefeed.model.SourceInfo("hostile.txt", "hostile.txt", "text", "UTF-8", "none", 1, "0", 0);
    var records = assertTimeoutPreemptively(HANG,
        () -> new PageExtractor().extract(source, page, Budget.startingNow(HANG)));
    assertTrue(records.page().lead().length() == hostile.length());
  }

  @org.junit.jupiter.api.Test
  void pageOverItsBudgetIsRejectedAsTimeout() {
    var page = new dev.pagefeed.segment.SegmentedPage("医保中心电话", null, null,
        HostileText.all().get("digits and dashes"), java.util.List.of(), null, java.util.List.of(),
        java.util.List.of(), java.util.List.of());
    var source = new dev.pagefeed.model.SourceInfo("hostile.txt", "hostile.txt", "text", "UTF-8", "none", 1, "0", 0);
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.pagefeed.model.RejectedInputException.class,
        () -> new PageExtractor().extract(source, page, Budget.startingNow(Duration.ZERO)));
    org.junit.jupiter.api.Assertions.assertEquals(dev.pagefeed.model.ErrorType.TIMEOUT, e.type());
  }
}

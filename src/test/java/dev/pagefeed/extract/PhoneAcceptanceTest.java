package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.EntityKind;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The acceptance table, row by row: each form with a valid number, and one libphonenumber rejects, with and without a cue. */
class PhoneAcceptanceTest {

  @Test
  void everyFormHasARow() {
    assertEquals(EnumSet.allOf(PhoneRules.Form.class), EnumSet.copyOf(PhoneRules.ACCEPTANCE.keySet()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
    // form | sentence | phone found (none) | normalized
    "INTERNATIONAL | 伦敦分部+44 161 123 4567。 | +44 161 123 4567 | +441611234567",
    "INTERNATIONAL | 号码+44 12。 | none | none",                         // too short for any grouping
    "LANDLINE | 平凉医保局0933-8618795。 | 0933-8618795 | +869338618795",
    "LANDLINE | 编号0933-86187951。 | none | none",                        // not valid, no cue
    "LANDLINE | 电话0933-86187951。 | 0933-86187951 | 0933-86187951",      // not valid, after a cue
    "AREA_HOTLINE | 平顶山0375-12333。 | 0375-12333 | 0375-12333",
    "AREA_HOTLINE | 编号0375-95999。 | 0375-95999 | 0375-95999",
    "MOBILE | 手机13800138000。 | 13800138000 | +8613800138000",
    "SERVICE | 社保热线12333。 | 12333 | 12333",
    "SERVICE | 订单号12399。 | none | none",                               // not listed
    "OTHER | 纽约致电(212) 736-5000 | (212) 736-5000 | +12127365000",
    "OTHER | 编号(212) 736-5000 | none | none",                            // needs its cue first
  })
  void aFormIsTakenAsItsRowSays(PhoneRules.Form form, String sentence, String text, String normalized) {
    List<Found> phones = Found.in(sentence, EntityKind.PHONE);
    if (text == null) {
      assertEquals(List.of(), phones);
      return;
    }
    assertEquals(List.of(text), phones.stream().map(Found::text).toList());
    assertEquals(normalized, phones.get(0).normalized());
    assertEquals(form, formAt(sentence, sentence.indexOf(text)), "the row this case stands for");
  }

  /** The form of the candidate starting at {@code start}: PHONE's alternative, else OTHER. */
  private static PhoneRules.Form formAt(String sentence, int start) {
    String view = Text.of(sentence).view();
    java.util.regex.Matcher phone = Anchors.matcher(PhoneExtractor.PHONE, view).region(start, view.length());
    if (phone.lookingAt()) {
      return PhoneExtractor.formOf(phone);
    }
    java.util.regex.Matcher other = Anchors.matcher(PhoneExtractor.OTHER, view).region(start, view.length());
    assertTrue(other.lookingAt(), "no candidate at " + start);
    return PhoneExtractor.formOf(other);
  }
}

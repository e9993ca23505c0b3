package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "66,600 | 66600", "13.26 | 13.26", "一千二百 | 1200", "十五 | 15", "两万 | 20000",
        "二〇二五 | 2025", "九 | 9", "一百二十 | 120", "一百五十万 | 1500000", "三仟 | 3000",
        "一亿二千万 | 120000000", "十 | 10", "一千零五 | 1005",
      })
  void parses(String text, String expected) {
    assertEquals(new BigDecimal(expected).stripTrailingZeros(), Numbers.parse(text).stripTrailingZeros());
  }

  @ParameterizedTest
  @ValueSource(strings = {"万", "一二百", "abc"})
  void rejects(String text) {
    assertNull(Numbers.parse(text));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"72.20, 72.2", "1326000000.00, 1326000000", "1.326E+9, 1326000000", "0.50, 0.5"})
  void formatsPlainWithoutTrailingZeros(String value, String expected) {
    assertEquals(expected, Numbers.format(new BigDecimal(value)));
  }
}

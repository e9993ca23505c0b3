package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A date or date range at the precision it was written.
 *
 * @param iso ISO 8601 form: {@code 2025}, {@code 2025-03}, {@code 2025-03-21}, {@code --03-21},
 *     {@code -0256}; a range is {@code low/high}
 * @param precision year, month or day
 * @param era CE or BCE
 * @param low a range's first date, else null
 * @param high a range's last date, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DateValue(String iso, Precision precision, String era, String low, String high)
    implements EntityValue {

  /** How much of a date was written. */
  public enum Precision implements Labeled {
    YEAR,
    MONTH,
    DAY
  }
}

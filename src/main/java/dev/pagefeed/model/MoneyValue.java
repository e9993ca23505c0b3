package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * An amount of money or a range of amounts, with magnitude words (万, 亿, k) applied.
 *
 * @param amount a single amount, else null
 * @param low a range's lower end, else null
 * @param high a range's upper end, else null
 * @param currency ISO 4217 code, or null (written as null, never left out) for a currency name
 *     pagefeed cannot resolve to one ("第纳尔")
 * @param per the rate units stated with it, in text order ({@code person}, {@code year})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoneyValue(
    BigDecimal amount, BigDecimal low, BigDecimal high,
    @JsonInclude(JsonInclude.Include.ALWAYS) String currency, List<String> per)
    implements EntityValue {
  public MoneyValue {
    per = List.copyOf(per);
  }
}

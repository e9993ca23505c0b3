package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A percentage ({@code value}) or a range of them ({@code low}, {@code high}), in percent.
 *
 * @param value a single percentage, else null
 * @param low a range's lower end, else null
 * @param high a range's upper end, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PercentValue(BigDecimal value, BigDecimal low, BigDecimal high)
    implements EntityValue {}

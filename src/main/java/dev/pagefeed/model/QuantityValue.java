package dev.pagefeed.model;

import java.math.BigDecimal;

/**
 * A counted or measured quantity.
 *
 * @param value the number with its magnitude applied ({@code 13.26亿} → 1326000000)
 * @param unit the unit as written ({@code 人}, {@code 平方米}), empty when only a magnitude
 * @param magnitude the magnitude word ({@code 万}, {@code 亿}), or null
 */
public record QuantityValue(BigDecimal value, String unit, String magnitude)
    implements EntityValue {}

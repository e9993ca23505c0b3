package dev.pagefeed.model;

import java.io.Serializable;

/** The kind-specific, parsed value of an entity; one record per {@link EntityKind}. */
public sealed interface EntityValue extends Serializable
    permits PhoneValue, UrlValue, EmailValue, DateValue, PercentValue, MoneyValue, QuantityValue {}

package dev.pagefeed.model;

/**
 * An e-mail address's parts.
 *
 * @param address the lower-cased address
 * @param domain the part after {@code @}
 */
public record EmailValue(String address, String domain) implements EntityValue {}

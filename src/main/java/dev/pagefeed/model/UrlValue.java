package dev.pagefeed.model;

/**
 * A URL's parts.
 *
 * @param url the normalized URL
 * @param scheme {@code http} or {@code https}
 * @param host lower-case host
 * @param registrableDomain the domain under its public suffix ({@code pingliang.gov.cn}), or null
 * @param gov whether the host ends in {@code .gov.cn} or {@code .gov}
 */
public record UrlValue(String url, String scheme, String host, String registrableDomain, boolean gov)
    implements EntityValue {}

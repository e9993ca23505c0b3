package dev.pagefeed.model;

/**
 * A phone number's parts.
 *
 * @param e164 {@code +869338618795} when libphonenumber says the number is valid, else null
 * @param national the digits as dialled inside the country, area code first ({@code 09338618795})
 * @param type landline, mobile, service, toll_free or shared_cost
 * @param areaCode the trunk-prefixed area code ({@code 0933}), null for mobiles and hotlines
 * @param region the libphonenumber geocoder's Chinese description ({@code 甘肃省平凉市}), or null
 * @param carrier the mobile carrier's Chinese name, or null
 * @param extension the extension digits, or null
 */
public record PhoneValue(
    String e164,
    String national,
    PhoneType type,
    String areaCode,
    String region,
    String carrier,
    String extension)
    implements EntityValue {}

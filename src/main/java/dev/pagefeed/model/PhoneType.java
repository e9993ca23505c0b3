package dev.pagefeed.model;

/** What kind of line a phone number reaches. */
public enum PhoneType implements Labeled {
  LANDLINE,
  MOBILE,
  SERVICE,
  TOLL_FREE,
  SHARED_COST
}

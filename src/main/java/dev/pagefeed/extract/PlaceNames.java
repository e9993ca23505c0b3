package dev.pagefeed.extract;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Chinese province and city names, taken from libphonenumber's Chinese geocoder (one description
 * per area code, such as 甘肃省平凉市), used to tell whether a phone number's region agrees with
 * the places a text names.
 */
public final class PlaceNames {

  /** Administrative suffixes; a name is also known without them (平凉市 → 平凉). */
  static final Pattern SUFFIX =
      Pattern.compile("(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|地区|省|市|盟|县)$");

  /** A description is a province then a city: "甘肃省平凉市", "北京市". */
  static final Pattern PROVINCE = Pattern.compile("^.+?(?:省|自治区|特别行政区)");

  private static final class Holder {
    static final List<String> NAMES = load();
  }

  private PlaceNames() {}

  /** Every known name, longest first, so that 平顶山 is found before a shorter name inside it. */
  static List<String> names() {
    return Holder.NAMES;
  }

  /** The known place names a text mentions. */
  public static Set<String> mentionedIn(String text) {
    Set<String> found = new LinkedHashSet<>();
    for (String name : names()) {
      if (text.contains(name)) {
        found.add(name);
      }
    }
    return found;
  }

  /**
   * Whether a phone's geocoded region disagrees with the places a text names: the text names some
   * place, and none of them is the region or inside it. A text that names no place agrees.
   */
  public static boolean disagrees(String region, String text) {
    Set<String> places = mentionedIn(text);
    if (region == null || places.isEmpty()) {
      return false;
    }
    for (String place : places) {
      if (region.contains(place)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> load() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
    Set<String> names = new TreeSet<>();
    List<String> areaCodes = new ArrayList<>(List.of("10"));
    for (int code = 20; code <= 29; code++) {
      areaCodes.add(String.valueOf(code));
    }
    for (int code = 300; code <= 999; code++) {
      areaCodes.add(String.valueOf(code));
    }
    for (String areaCode : areaCodes) {
      String subscriber = areaCode.length() == 2 ? "62345678" : "8234567";
      try {
        PhoneNumber number = util.parse("0" + areaCode + subscriber, "CN");
        addNames(geocoder.getDescriptionForNumber(number, Locale.SIMPLIFIED_CHINESE), names);
      } catch (NumberParseException e) {
        // not a number in China's plan: no name to add
      }
    }
    List<String> ordered = new ArrayList<>(names);
    ordered.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
    return Collections.unmodifiableList(ordered);
  }

  private static void addNames(String description, Set<String> names) {
    if (description.isEmpty() || description.equals("中国")) {
      return;
    }
    var province = PROVINCE.matcher(description);
    String city = description;
    if (province.find()) {
      addName(province.group(), names);
      city = description.substring(province.end());
    }
    addName(city, names);
  }

  private static void addName(String name, Set<String> names) {
    if (name.isEmpty()) {
      return;
    }
    names.add(name);
    String bare = SUFFIX.matcher(name).replaceFirst("");
    if (bare.length() >= 2) {
      names.add(bare);
    }
  }
}

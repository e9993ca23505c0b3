package dev.pagefeed.extract;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Chinese province and city names, used to tell whether a phone number's region agrees with the
 * places a text names. Provinces are a fixed list; cities, prefectures and counties come from
 * libphonenumber's Chinese geocoder (one description per area code, such as "宁夏银川市" or
 * "成都市、资阳市、眉山市").
 */
public final class PlaceNames {

  /** China's provinces, municipalities, autonomous regions and SARs, by their short names. */
  static final List<String> PROVINCES = List.of(
      "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
      "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
      "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门");

  /** What follows a province's short name in its full name. */
  static final Pattern PROVINCE_SUFFIX =
      Pattern.compile("^(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)");

  /** Administrative suffixes of a city, prefecture or county; the name is known without them. */
  static final Pattern SUFFIX =
      Pattern.compile("(?:(?:[\\u4e00-\\u9fa5]{1,4}族)*自治[州县旗]|地区|市|县|盟|区)$");

  private static final class Holder {
    static final Map<String, String> NAMES = load();
    /** The written names by their first character: a text is scanned once, not once per name. */
    static final Map<Character, List<String>> BY_FIRST_CHAR = byFirstChar(NAMES.keySet());
  }

  private static Map<Character, List<String>> byFirstChar(Set<String> names) {
    Map<Character, List<String>> byFirst = new HashMap<>();
    for (String name : names) {
      byFirst.computeIfAbsent(name.charAt(0), c -> new ArrayList<>()).add(name);
    }
    return byFirst;
  }

  private PlaceNames() {}

  /** Every known written name (full or short) with the short name it stands for. */
  static Map<String, String> names() {
    return Holder.NAMES;
  }

  /** The short names of the places a text mentions, in the order of their written names. */
  public static Set<String> mentionedIn(String text) {
    TreeSet<String> written = new TreeSet<>();
    for (int i = 0; i < text.length(); i++) {
      List<String> candidates = Holder.BY_FIRST_CHAR.get(text.charAt(i));
      if (candidates != null) {
        for (String name : candidates) {
          if (text.startsWith(name, i)) {
            written.add(name);
          }
        }
      }
    }
    Set<String> found = new LinkedHashSet<>();
    for (String name : written) {
      found.add(names().get(name));
    }
    return found;
  }

  /**
   * Whether a phone's geocoded region disagrees with the places a text names: the text names some
   * place, and none of them is the region, its province or a place inside it. A text that names
   * no place agrees.
   */
  public static boolean disagrees(String region, String text) {
    return disagrees(region, mentionedIn(text));
  }

  /** {@link #disagrees(String, String)} for places already looked up with {@link #mentionedIn}. */
  public static boolean disagrees(String region, Set<String> places) {
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

  private static Map<String, String> load() {
    Map<String, String> names = new TreeMap<>();
    for (String province : PROVINCES) {
      names.put(province, province);
      for (String suffix : List.of("省", "市", "自治区", "回族自治区", "壮族自治区", "维吾尔自治区", "特别行政区")) {
        names.put(province + suffix, province);
      }
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
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
    // Longest written name first, so that 平顶山市 is found before 平顶山.
    List<String> keys = new ArrayList<>(names.keySet());
    keys.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
    Map<String, String> ordered = new LinkedHashMap<>();
    keys.forEach(k -> ordered.put(k, names.get(k)));
    return Collections.unmodifiableMap(ordered);
  }

  private static void addNames(String description, Map<String, String> names) {
    for (String part : description.split("、")) {
      String place = part;
      for (String province : PROVINCES) {
        if (place.startsWith(province)) {
          place = PROVINCE_SUFFIX.matcher(place.substring(province.length())).replaceFirst("");
          break;
        }
      }
      String bare = SUFFIX.matcher(place).replaceFirst("");
      if (bare.length() >= 2 && !PROVINCES.contains(bare)) {
        names.put(place, bare);
        names.put(bare, bare);
      }
    }
  }
}

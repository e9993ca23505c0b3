package dev.pagefeed.extract;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.PhoneType;
import dev.pagefeed.model.PhoneValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers: landlines with area code ({@code 0933-8618795}, {@code (010)62288559},
 * {@code 0375 3695011}), mobiles ({@code 13800138000}, {@code +86 138…}), service hotlines
 * ({@code 12333}, {@code 95567}, {@code 120}), area-prefixed hotlines ({@code 0375-12333}),
 * 400/800 numbers, extensions, and numbers with an explicit country code. libphonenumber parses,
 * validates and types them; E.164 when valid, else digits with one {@code -} after the area code.
 *
 * <p>A phone-shaped group that libphonenumber does not accept for China counts only when a cue
 * word (电话, 热线, Tel …) stands before it in the same clause; this keeps postcodes, order numbers
 * and counts out.
 */
public final class PhoneExtractor implements Extractor {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final PhoneNumberOfflineGeocoder GEOCODER = PhoneNumberOfflineGeocoder.getInstance();
  private static final PhoneNumberToCarrierMapper CARRIERS = PhoneNumberToCarrierMapper.getInstance();

  /** Phone-shaped digit groups, each alternative named for its form. */
  static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+.\\-/])(?:"
              + "(?<intl>\\(?(?:\\+|00(?=[1-9])|86(?=[\\s-]{0,2}1[3-9]\\d))\\d{0,3}\\)?[\\s-]{0,2}(?:\\(\\d{1,4}\\)[\\s-]{0,2})?\\d(?:[\\s./-]{0,2}\\d){5,13})"
              + "|(?<area>\\(0\\d{2,3}\\)|0\\d{2,3})[\\s-]?(?<local>[2-9]\\d{2,3}[\\s-]?\\d{4})"
              + "|(?<areahot>0\\d{2,3})-(?<hot>1\\d{4}|9\\d{4})"
              + "|(?<mobile>1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4})"
              + "|(?<tollfree>[48]00[\\s-]?\\d{3}[\\s-]?\\d{4})"
              + "|(?<short>1\\d{4}|95\\d{3}|1[12][0-9])"
              + ")(?:\\s*(?:转|分机|ext\\.?|x|X|#|-)\\s*(?<ext>\\d{1,5}))?(?![\\d])");

  /**
   * Any other grouping ("1 (877) 609-2233", "0176/12345678", "(+31) (12)-3456789"): tried after
   * {@link #PHONE}, and counted only after a cue word. Atomic, so that a failed match never
   * retries other splits of the same digits.
   */
  static final Pattern OTHER =
      Pattern.compile(
          "(?<![\\w+.\\-/])(?<other>(?>\\(?\\+?\\d{1,5}\\)?(?:[\\s./-]{0,3}\\(?\\d{1,8}\\)?){0,6}))"
              + "(?:\\s*(?:转|分机|ext\\.?|x|X|#)\\s*(?<ext>\\d{1,5}))?(?![\\d])");

  private static final Anchors STARTS = new Anchors("+(", true);

  /** How many digits a number of any grouping has, extension aside. */
  static final int MIN_DIGITS = 7;
  static final int MAX_DIGITS = 15;

  /** A landline or mobile cut off by the end of a truncated text ("0375-369501"). */
  static final Pattern CUT_PHONE = Pattern.compile("(?<![\\d])(?:0\\d{2,3}[\\s-]?\\d{1,7}|1[3-9]\\d{1,9})$");

  /** The longest text {@link #CUT_PHONE} can match. */
  private static final int CUT_PHONE_LENGTH = 12;

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    List<Match> out = new ArrayList<>();
    SpanSet taken = new SpanSet();
    STARTS.collect(Anchors.matcher(PHONE, s), s, m -> checked(text, m), out, taken);
    if (PhoneRules.hasCueWord(s)) {
      STARTS.collect(Anchors.matcher(OTHER, s), s, m -> checked(text, m), out, taken);
    }
    if (text.truncated()) {
      Matcher cut = Anchors.atEnd(CUT_PHONE, s, CUT_PHONE_LENGTH);
      if (cut.find() && !taken.overlaps(Match.of(EntityKind.PHONE, cut.start(), cut.end(), null, null))) {
        Match truncated = cutPhone(s, cut);
        if (truncated != null) {
          out.add(truncated);
        }
      }
    }
    return out;
  }

  /** A candidate's match, flagged truncated when a cut at the text's end left it incomplete. */
  private static Match checked(Text text, Matcher m) {
    Match match = toMatch(text.view(), m);
    return match != null && text.cutAt(match.end()) && isIncomplete(match) ? match.truncated() : match;
  }

  /** The form a candidate is written in: which alternative of {@link #PHONE} matched, or {@link #OTHER}. */
  static PhoneRules.Form formOf(Matcher m) {
    if (m.pattern() == OTHER) {
      return PhoneRules.Form.OTHER;
    }
    if (m.group("intl") != null) {
      return PhoneRules.Form.INTERNATIONAL;
    }
    if (m.group("area") != null) {
      return PhoneRules.Form.LANDLINE;
    }
    if (m.group("areahot") != null) {
      return PhoneRules.Form.AREA_HOTLINE;
    }
    if (m.group("mobile") != null) {
      return PhoneRules.Form.MOBILE;
    }
    return m.group("tollfree") != null ? PhoneRules.Form.TOLL_FREE : PhoneRules.Form.SERVICE;
  }

  /** A candidate accepted as {@link PhoneRules#ACCEPTANCE} says for its form, or null. */
  private static Match toMatch(String s, Matcher m) {
    String ext = m.group("ext");
    String digits = m.group().substring(0, ext == null ? m.group().length() : m.start("ext") - m.start());
    digits = digitsOf(digits, true);
    PhoneRules.Form form = formOf(m);
    PhoneRules.Acceptance rule = PhoneRules.ACCEPTANCE.get(form);
    if (!rule.parsed()) {
      // Listed numbers, which libphonenumber does not know: taken or refused by the list.
      return form == PhoneRules.Form.SERVICE ? shortNumber(s, m, digits) : areaHotline(m, digits);
    }
    if (rule.cueFirst()) {
      // Any grouping counts only after a cue and with a phone's number of digits: checked before
      // libphonenumber, which most candidates (years, counts) would not get past anyway.
      int count = digits.replace("+", "").length();
      if (count < MIN_DIGITS || count > MAX_DIGITS || !hasCue(s, m.start())) {
        return null;
      }
    }
    boolean international = form == PhoneRules.Form.INTERNATIONAL;
    String dial = digits.startsWith("00") ? "+" + digits.substring(2)
        : international && !digits.startsWith("+") ? "+" + digits : digits;
    // "(212) 555-0187": a parenthesised area code without China's trunk 0 is North America's.
    boolean northAmerican = form == PhoneRules.Form.OTHER && PhoneRules.NORTH_AMERICAN.matcher(m.group("other")).matches();
    PhoneNumber number = northAmerican ? parse(dial, "US") : parse(dial);
    boolean valid = number != null && UTIL.isValidNumber(number);
    if (valid && (international || northAmerican || number.getCountryCode() == 86 || dial.startsWith("+"))) {
      return Match.of(EntityKind.PHONE, m.start(), m.end(), UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
          value(number, ext));
    }
    boolean unitAfter = amountFollows(s, m.end());
    if (rule.invalid() == PhoneRules.WhenInvalid.KEEP_AS_DIALLED && !unitAfter) {
      // An explicit country code makes a phone number even when libphonenumber rejects it.
      return Match.of(EntityKind.PHONE, m.start(), m.end(), dial,
          new PhoneValue(null, dial, PhoneType.LANDLINE, null, null, null, ext));
    }
    int digitCount = dial.replace("+", "").length();
    if (!hasCue(s, m.start()) || unitAfter || digitCount < MIN_DIGITS || digitCount > MAX_DIGITS
        || !balanced(m.group())) {
      return null;
    }
    String area = form == PhoneRules.Form.LANDLINE ? m.group("area").replace("(", "").replace(")", "") : null;
    String normalized = area != null ? area + "-" + digits.substring(area.length()) : digits;
    if (ext != null) {
      normalized += "-" + ext;
    }
    PhoneType type = form == PhoneRules.Form.MOBILE ? PhoneType.MOBILE : PhoneType.LANDLINE;
    return Match.of(EntityKind.PHONE, m.start(), m.end(), normalized,
        new PhoneValue(null, digits, type, area, null, null, ext));
  }

  /** 0375-12333: a listed service number (or any 12xxx) behind an area code; not parsed. */
  private static Match areaHotline(Matcher m, String digits) {
    if (!PhoneRules.isService(m.group("hot")) && !m.group("hot").startsWith("12")) {
      return null;
    }
    String normalized = m.group("areahot") + "-" + m.group("hot");
    return Match.of(EntityKind.PHONE, m.start(), m.end(), normalized,
        new PhoneValue(null, digits, PhoneType.SERVICE, m.group("areahot"), null, null, null));
  }

  /** A number libphonenumber rejects, other than a service number: cut short if at a cut. */
  private static boolean isIncomplete(Match match) {
    return match.value() instanceof PhoneValue phone
        && phone.e164() == null
        && phone.type() != PhoneType.SERVICE;
  }

  /** 12333, 95567, 120: listed service numbers, standing apart or after a cue word. */
  private static Match shortNumber(String s, Matcher m, String digits) {
    if (!PhoneRules.isService(digits)) {
      return null;
    }
    boolean cue = hasCue(s, m.start());
    int end = m.end();
    boolean unitAfter = amountFollows(s, end) || amountSignBefore(s, m.start()) || ordinalBefore(s, m.start())
        || PhoneRules.RANGE_AFTER.matcher(s).region(end, s.length()).lookingAt();
    if (unitAfter || (!cue && (digits.length() < PhoneRules.SHORTEST_WITHOUT_CUE || !standsApart(s, m)))) {
      return null;
    }
    return Match.of(EntityKind.PHONE, m.start(), m.end(), digits,
        new PhoneValue(null, digits, PhoneType.SERVICE, null, null, null, m.group("ext")));
  }

  /** Whether an ordinal or count word stands right before a short number ("第120条"). */
  private static boolean ordinalBefore(String s, int start) {
    return start > 0 && PhoneRules.NOT_BEFORE_SHORT.indexOf(s.charAt(start - 1)) >= 0;
  }

  /** Whether a currency sign stands right before a number ("￥95000" is money, not a 95xxx hotline). */
  private static boolean amountSignBefore(String s, int start) {
    for (String sign : Currencies.SIGNS.keySet()) {
      if (s.startsWith(sign, Math.max(0, start - sign.length())) && start >= sign.length()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text after a number shows it is an amount or a count ("120元", "3.5"), not a phone. */
  private static boolean amountFollows(String s, int end) {
    if (end >= s.length()) {
      return false;
    }
    char next = s.charAt(end);
    if (next == '.') {
      return end + 1 < s.length() && Character.isDigit(s.charAt(end + 1));
    }
    if (PhoneRules.NOT_AFTER_SHORT.indexOf(next) >= 0) {
      return true;
    }
    int from = end;
    while (from < s.length() && s.charAt(from) == ' ') {
      from++;
    }
    for (String currency : Currencies.WORDS.keySet()) {
      if (s.startsWith(currency, from)) {
        return true; // "119美元", "95000 新台币"
      }
    }
    for (String unit : QuantityExtractor.UNITS.split("\\|")) {
      if (s.startsWith(unit, from)) {
        return true; // "119例", "120公里": a count or a measure
      }
    }
    return false;
  }

  /** Whether the parentheses in a span open and close in pairs. */
  private static boolean balanced(String span) {
    int depth = 0;
    for (int i = 0; i < span.length(); i++) {
      depth += span.charAt(i) == '(' ? 1 : span.charAt(i) == ')' ? -1 : 0;
      if (depth < 0 || depth > 1) {
        return false;
      }
    }
    return depth == 0;
  }

  /** No letter, digit or CJK character runs into the number on either side. */
  private static boolean standsApart(String s, Matcher m) {
    return (m.start() == 0 || !Character.isLetterOrDigit(s.charAt(m.start() - 1)))
        && (m.end() == s.length() || !Character.isLetterOrDigit(s.charAt(m.end())));
  }

  private static Match cutPhone(String s, Matcher cut) {
    String digits = digitsOf(cut.group(), false);
    PhoneNumber number = parse(digits);
    if (number != null && UTIL.isValidNumber(number)) {
      return null; // complete and valid at the cut: the main pattern's business
    }
    return Match.of(EntityKind.PHONE, cut.start(), cut.end(), null,
        new PhoneValue(null, digits, digits.startsWith("0") ? PhoneType.LANDLINE : PhoneType.MOBILE,
            null, null, null, null)).truncated();
  }

  /** The ASCII digits of {@code s} (and its plus signs, if asked), in order. */
  static String digitsOf(String s, boolean plus) {
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (plus && c == '+')) {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  static boolean hasCue(String s, int start) {
    int from = Math.max(0, start - PhoneRules.CUE_REACH);
    String before = s.substring(from, start);
    Matcher breakAt = PhoneRules.CLAUSE_BREAK.matcher(before);
    int clauseStart = 0;
    while (breakAt.find()) {
      clauseStart = breakAt.end();
    }
    return PhoneRules.CUE.matcher(before.substring(clauseStart)).find();
  }

  private static PhoneNumber parse(String dial) {
    return parse(dial, "CN");
  }

  private static PhoneNumber parse(String dial, String region) {
    try {
      return UTIL.parse(dial, region);
    } catch (NumberParseException e) {
      return null; // not a number libphonenumber can read; the caller falls back to the cue rule
    }
  }

  /** The parts libphonenumber gives a valid number. */
  static PhoneValue value(PhoneNumber number, String ext) {
    PhoneType type = switch (UTIL.getNumberType(number)) {
      case MOBILE -> PhoneType.MOBILE;
      case TOLL_FREE -> PhoneType.TOLL_FREE;
      case SHARED_COST -> PhoneType.SHARED_COST;
      default -> PhoneType.LANDLINE;
    };
    String significant = UTIL.getNationalSignificantNumber(number);
    String areaCode = null;
    int areaLength = UTIL.getLengthOfGeographicalAreaCode(number);
    if (areaLength > 0) {
      areaCode = (number.getCountryCode() == 86 ? "0" : "") + significant.substring(0, areaLength);
    }
    String national = digitsOf(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL), false);
    String region = GEOCODER.getDescriptionForNumber(number, Locale.SIMPLIFIED_CHINESE);
    String carrier = type == PhoneType.MOBILE ? CARRIERS.getNameForNumber(number, Locale.SIMPLIFIED_CHINESE) : "";
    return new PhoneValue(
        UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
        national,
        type,
        areaCode,
        region.isEmpty() || region.equals("中国") ? null : region,
        carrier.isEmpty() ? null : carrier,
        ext);
  }
}

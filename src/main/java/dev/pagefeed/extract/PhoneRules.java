package dev.pagefeed.extract;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Named data for {@link PhoneExtractor}: China's short service numbers and the words that make a
 * digit group a phone number when libphonenumber alone would not.
 */
final class PhoneRules {

  private PhoneRules() {}

  /** The forms a phone number is written in: the named alternatives of {@link PhoneExtractor#PHONE}, and any other grouping. */
  enum Form {
    /** An explicit country code: {@code +44 161 123 4567}, {@code 0044 …}, {@code +86 138…}. */
    INTERNATIONAL,
    /** A Chinese landline with its area code: {@code 0933-8618795}, {@code (010)62288559}. */
    LANDLINE,
    /** An area code and a service number: {@code 0375-12333}. */
    AREA_HOTLINE,
    /** A Chinese mobile: {@code 13800138000}, {@code 138 0013 8000}. */
    MOBILE,
    /** A 400 or 800 number. */
    TOLL_FREE,
    /** A short service number: {@code 12333}, {@code 95567}, {@code 120}. */
    SERVICE,
    /** Any other grouping of 7 to 15 digits: {@code 1 (877) 609-2233}, {@code (212) 555-0187}. */
    OTHER
  }

  /** What a number libphonenumber does not validate becomes. */
  enum WhenInvalid {
    /** Kept, as its digits with {@code +}: an explicit country code says it is a phone. */
    KEEP_AS_DIALLED,
    /** Kept after a cue word only, as its digits (a landline's with one {@code -} after the area code). */
    KEEP_AFTER_CUE,
    /** Not parsed at all: kept when listed (a service number), as written. */
    LISTED_ONLY
  }

  /**
   * How each form is accepted.
   *
   * @param cueFirst whether a cue word must stand before it even when it is valid
   * @param parsed whether libphonenumber parses and validates it (then normalized to E.164)
   * @param invalid what it becomes when libphonenumber does not validate it (or does not parse it)
   */
  record Acceptance(boolean cueFirst, boolean parsed, WhenInvalid invalid) {}

  /**
   * The acceptance table, one row per form: the rules {@link PhoneExtractor} applies, in one place.
   *
   * <pre>
   *   form           cue first  libphonenumber  when not valid
   *   INTERNATIONAL  no         yes (any land)  kept as dialled (+digits)
   *   LANDLINE       no         yes (CN)        kept after a cue: area-local
   *   AREA_HOTLINE   no         no              listed service numbers (and 12xxx): area-number
   *   MOBILE         no         yes (CN)        kept after a cue: digits
   *   TOLL_FREE      no         yes (CN)        kept after a cue: digits
   *   SERVICE        see below  no              listed only; a cue word when short or run into text
   *   OTHER          yes        yes (CN; US for  kept after the cue: digits
   *                             "(212) 555-0187")
   * </pre>
   */
  static final Map<Form, Acceptance> ACCEPTANCE = Map.of(
      Form.INTERNATIONAL, new Acceptance(false, true, WhenInvalid.KEEP_AS_DIALLED),
      Form.LANDLINE, new Acceptance(false, true, WhenInvalid.KEEP_AFTER_CUE),
      Form.AREA_HOTLINE, new Acceptance(false, false, WhenInvalid.LISTED_ONLY),
      Form.MOBILE, new Acceptance(false, true, WhenInvalid.KEEP_AFTER_CUE),
      Form.TOLL_FREE, new Acceptance(false, true, WhenInvalid.KEEP_AFTER_CUE),
      Form.SERVICE, new Acceptance(false, false, WhenInvalid.LISTED_ONLY),
      Form.OTHER, new Acceptance(true, true, WhenInvalid.KEEP_AFTER_CUE));

  /**
   * Nationwide short service numbers (12xxx government hotlines, emergency numbers, carriers),
   * with what they are for. 95xxx numbers (banks, insurers, airlines) are all accepted, by pattern.
   */
  static final Map<String, String> SERVICE_NUMBERS =
      Map.ofEntries(
          Map.entry("110", "报警"),
          Map.entry("119", "火警"),
          Map.entry("120", "急救"),
          Map.entry("122", "交通事故"),
          Map.entry("12306", "铁路客服"),
          Map.entry("12310", "12310 举报"),
          Map.entry("12315", "消费者投诉"),
          Map.entry("12319", "城建服务"),
          Map.entry("12320", "卫生健康"),
          Map.entry("12321", "网络不良信息举报"),
          Map.entry("12328", "交通运输服务"),
          Map.entry("12329", "住房公积金"),
          Map.entry("12333", "人力资源和社会保障"),
          Map.entry("12338", "妇女维权"),
          Map.entry("12345", "政务服务便民热线"),
          Map.entry("12348", "法律援助"),
          Map.entry("12355", "青少年服务"),
          Map.entry("12356", "心理援助"),
          Map.entry("12358", "价格举报"),
          Map.entry("12361", "老龄服务"),
          Map.entry("12365", "质量监督"),
          Map.entry("12366", "纳税服务"),
          Map.entry("12369", "环保举报"),
          Map.entry("12377", "网络举报"),
          Map.entry("12380", "组织工作举报"),
          Map.entry("12388", "纪检监察举报"),
          Map.entry("12393", "医疗保障"),
          Map.entry("12395", "海上遇险"),
          Map.entry("10000", "中国电信"),
          Map.entry("10010", "中国联通"),
          Map.entry("10086", "中国移动"));

  /** 95xxx: five-digit national numbers of banks, insurers and airlines. */
  static final Pattern NINE_FIVE = Pattern.compile("95\\d{3}");

  /** Emergency numbers are three digits; they count only after a cue word. */
  static final int SHORTEST_WITHOUT_CUE = 5;

  /** Words that, earlier in the same clause, make a phone-shaped digit group a phone number. */
  static final List<String> CUE_WORDS = List.of(
      "电话", "热线", "联系", "拨打", "致电", "咨询", "传真", "手机", "客服", "号码", "来电", "呼叫", "报警", "急救",
      "tel", "phone", "fax", "mobile");

  /** Any cue word, in any letter case. */
  static final Pattern CUE = Pattern.compile("(?i)(?:" + String.join("|", CUE_WORDS) + ")");

  /** The characters a cue word starts with, both cases. */
  static final Anchors CUE_STARTS = new Anchors(cueStarts(), false);

  /** Whether a cue word stands anywhere in {@code s}. */
  static boolean hasCueWord(String s) {
    return CUE_STARTS.anywhere(Anchors.matcher(CUE, s), s);
  }

  private static String cueStarts() {
    StringBuilder starts = new StringBuilder();
    for (String word : CUE_WORDS) {
      starts.append(Character.toLowerCase(word.charAt(0))).append(Character.toUpperCase(word.charAt(0)));
    }
    return starts.toString();
  }

  /** What ends a clause: a cue word before it does not reach past. */
  static final Pattern CLAUSE_BREAK = Pattern.compile("[。；;！!？?\\n]");

  /** How far back (chars) a cue word may stand. */
  static final int CUE_REACH = 24;

  /** Characters that, right after a short number, show it is an amount or a count, not a phone. */
  static final String NOT_AFTER_SHORT = "元人个年月日号次十百千万亿%％位名家种项天岁分秒条款章节页卷册期届层楼室版";

  /**
   * Characters that, right before a short number, show it is an ordinal or a count ("第120条",
   * "共119页"), not a hotline, whatever cue word stands earlier in the clause.
   */
  static final String NOT_BEFORE_SHORT = "第共约近余";

  static boolean isService(String digits) {
    return SERVICE_NUMBERS.containsKey(digits) || NINE_FIVE.matcher(digits).matches();
  }

  /**
   * North America's written form, "(212) 555-0187": a parenthesised three-digit area code that does
   * not start with China's trunk 0 (or 1), then three and four digits; parsed for the US.
   */
  static final java.util.regex.Pattern NORTH_AMERICAN =
      java.util.regex.Pattern.compile("\\([2-9]\\d{2}\\)\\s?[2-9]\\d{2}[\\s.-]\\d{4}");

  /** A short number that opens a range ("119~120元", "120到150人") is a count or an amount, not a hotline. */
  static final java.util.regex.Pattern RANGE_AFTER = java.util.regex.Pattern.compile("\\s*(?:~|～|至|到|—)\\s*\\d");
}

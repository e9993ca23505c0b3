package dev.pagefeed.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes N realistic pages, half as text dumps and half as HTML, varied from templates with
 * entities of every kind. Seeded: the same N and seed give the same corpus, byte for byte.
 *
 * <p>By default the pages are as dense in entities as the two real seed pages (about 3.6 per KB
 * of page: most sentences carry none); {@code dense} makes every sentence carry one or two (about
 * 18 per KB, five times the seeds), to stress extraction.
 *
 * <pre>
 *   java -cp … dev.pagefeed.bench.CorpusGenerator corpus/ 10000 [seed] [dense]
 * </pre>
 */
public final class CorpusGenerator {

  private static final String[] CITIES = {"平凉", "平顶山", "银川", "兰州", "镇江", "安阳", "济宁", "西安", "嘉峪关", "宣城"};
  private static final String[] AREA_CODES = {"0933", "0375", "0951", "0931", "0511", "0372", "0537", "029", "0937", "0563"};
  private static final String[] TOPICS = {"医保中心电话", "医保报销比例", "居民医保缴费标准", "异地就医流程", "门诊慢特病待遇",
      "大病保险政策", "医疗救助办法", "职工医保个人账户", "生育保险待遇", "医保卡办理"};
  private static final String[] HEADINGS = {"基本医疗保险", "大病保险", "医疗救助", "缴费标准", "报销流程", "办理材料", "注意事项"};
  private static final String[] CATEGORIES = {"健康新闻", "政策解读", "医保问答"};

  /** Sentences without entities, as most of a real page's sentences are. */
  private static final String[] PLAIN = {
    "参保人员应按照规定到定点医疗机构就医,并妥善保管好相关的票据和病历资料。",
    "医疗保障部门会根据基金运行情况,对待遇标准进行适当调整,具体以当地公布的政策为准。",
    "办理过程中如材料不齐全,经办机构会一次性告知需要补充的内容,请耐心配合。",
    "异地就医需要提前办理备案手续,未备案的费用在回参保地后按规定比例报销。",
    "慢性病患者应定期复查,遵从医嘱合理用药,不要自行增减药物的剂量。",
    "家庭成员之间可以共济使用个人账户,用于支付门诊费用和购买药品。",
    "居民医保实行个人缴费和政府补助相结合的筹资方式,鼓励有条件的单位给予补助。",
    "住院期间产生的费用由医院直接结算,个人只需支付自付部分即可。",
    "如对报销结果有异议,可以向经办机构申请复核,也可以依法提出行政复议。",
    "医保目录内的药品和诊疗项目才能按比例报销,目录外的费用需要个人承担。",
    "新生儿出生后应及时办理参保登记,出生当年的医疗费用可以按规定享受待遇。",
    "建议大家保持良好的生活习惯,均衡饮食,适量运动,保证充足的睡眠。",
  };

  /** Of every five sentences, how many carry no entity: four (as the seeds) or none (dense). */
  private final int plainOfFive;

  private final Random random;

  CorpusGenerator(long seed, boolean dense) {
    this.random = new Random(seed);
    this.plainOfFive = dense ? 0 : 4;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int pages = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    write(dir, pages, seed, args.length > 3 && args[3].equals("dense"));
  }

  /** Writes {@code pages} realistic pages into {@code dir} (text and HTML alternately); returns their bytes. */
  public static long write(Path dir, int pages, long seed) throws IOException {
    return write(dir, pages, seed, false);
  }

  /** Writes {@code pages} pages, {@code dense} in entities or as the seeds are. */
  public static long write(Path dir, int pages, long seed, boolean dense) throws IOException {
    Files.createDirectories(dir);
    CorpusGenerator generator = new CorpusGenerator(seed, dense);
    long bytes = 0;
    for (int i = 0; i < pages; i++) {
      Page page = generator.page(i);
      boolean html = i % 2 == 1;
      byte[] content = (html ? page.html() : page.text()).getBytes(StandardCharsets.UTF_8);
      Files.write(dir.resolve(String.format("%06d.%s", i, html ? "html" : "txt")), content);
      bytes += content.length;
    }
    return bytes;
  }

  record Card(String title, String snippet, String category, String date, boolean thumbnail, String href) {}

  record Section(String heading, List<String> subheadings, List<String> paragraphs, List<String> items) {}

  record Page(String title, String lead, List<Section> sections, List<Card> cards, String url) {

    String text() {
      StringBuilder out = new StringBuilder(title).append("\n\n").append(lead).append("\n\n");
      String[] ordinals = {"一", "二", "三", "四", "五", "六"};
      for (int s = 0; s < sections.size(); s++) {
        Section section = sections.get(s);
        out.append(ordinals[s]).append('、').append(section.heading()).append("\n\n");
        for (int k = 0; k < section.subheadings().size(); k++) {
          out.append("  ").append(k + 1).append(". ").append(section.subheadings().get(k)).append("\n\n");
          out.append("    ").append(section.paragraphs().get(k)).append("\n\n");
        }
        for (String item : section.items()) {
          out.append("    • ").append(item).append("\n\n");
        }
      }
      out.append("提示:本内容不能代替面诊,如有不适请尽快就医。\n大家都在搜\n相关推荐\n\n");
      for (Card card : cards) {
        out.append(card.title()).append("\n\n").append(card.snippet()).append("\n\n")
            .append(card.category()).append(' ').append(card.date()).append('\n');
        if (card.thumbnail()) {
          out.append(card.title()).append('\n');
        }
        out.append('\n');
      }
      return out.append("首页 顶部\n").toString();
    }

    String html() {
      StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
          .append(title).append(" - 健康问答</title>\n<link rel=\"canonical\" href=\"").append(url).append("\">\n")
          .append("<script>var t=1;</script></head><body>\n<nav><a href=\"/\">首页</a></nav>\n<article>\n<h1>")
          .append(title).append("</h1>\n<p>").append(lead).append("</p>\n");
      String[] ordinals = {"一", "二", "三", "四", "五", "六"};
      for (int s = 0; s < sections.size(); s++) {
        Section section = sections.get(s);
        out.append("<h2>").append(ordinals[s]).append('、').append(section.heading()).append("</h2>\n");
        for (int k = 0; k < section.subheadings().size(); k++) {
          out.append("<h3>").append(k + 1).append(". ").append(section.subheadings().get(k)).append("</h3>\n<p>")
              .append(section.paragraphs().get(k)).append("</p>\n");
        }
        if (!section.items().isEmpty()) {
          out.append("<ul>\n");
          for (String item : section.items()) {
            out.append("<li>").append(item).append("</li>\n");
          }
          out.append("</ul>\n");
        }
      }
      out.append("<p>提示:本内容不能代替面诊,如有不适请尽快就医。</p>\n</article>\n")
          .append("<section><h3>大家都在搜</h3></section>\n<section class=\"related\"><h3>相关推荐</h3><ul>\n");
      for (Card card : cards) {
        out.append("<li><a href=\"").append(card.href()).append("\"><h4>").append(card.title()).append("</h4></a>");
        if (card.thumbnail()) {
          out.append("<img src=\"/t.jpg\" alt=\"\">");
        }
        out.append("<p>").append(card.snippet()).append("</p><div><span>").append(card.category())
            .append("</span> <time>").append(card.date()).append("</time></div></li>\n");
      }
      return out.append("</ul></section>\n<footer>首页 顶部</footer>\n</body></html>\n").toString();
    }
  }

  Page page(int index) {
    int city = random.nextInt(CITIES.length);
    String title = CITIES[city] + TOPICS[random.nextInt(TOPICS.length)] + (index % 7 == 0 ? "" : "(" + index + ")");
    String lead = sentence(city) + (plainOfFive > 0 ? entitySentence(city) : sentence(city));
    List<Section> sections = new ArrayList<>();
    int count = 2 + random.nextInt(4);
    for (int s = 0; s < count; s++) {
      List<String> subs = new ArrayList<>();
      List<String> paragraphs = new ArrayList<>();
      int n = random.nextInt(3);
      for (int k = 0; k < n; k++) {
        subs.add(HEADINGS[random.nextInt(HEADINGS.length)]);
        paragraphs.add(sentence(city) + sentence(city) + sentence(city));
      }
      List<String> items = new ArrayList<>();
      int m = random.nextInt(3);
      for (int k = 0; k < m; k++) {
        items.add(sentence(city));
      }
      sections.add(new Section(HEADINGS[random.nextInt(HEADINGS.length)], subs, paragraphs, items));
    }
    List<Card> cards = new ArrayList<>();
    int cardCount = 10 + random.nextInt(11);
    for (int c = 0; c < cardCount; c++) {
      int cardCity = random.nextInt(CITIES.length);
      StringBuilder snippet = new StringBuilder();
      while (snippet.length() < 190) {
        snippet.append(sentence(cardCity));
      }
      String date = String.format("2025-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
      cards.add(new Card((random.nextBoolean() ? "2025年" : "") + CITIES[cardCity] + TOPICS[random.nextInt(TOPICS.length)],
          snippet.substring(0, 190), CATEGORIES[random.nextInt(CATEGORIES.length)], date, random.nextInt(4) == 0,
          "https://health.example.cn/q/" + index + "-" + c));
    }
    return new Page(title, lead, sections, cards, "https://health.example.cn/q/" + index);
  }

  /** One sentence: without entities, or with an entity of a random kind, as the density asks. */
  private String sentence(int city) {
    // (A dense corpus draws no extra random number: it is the corpus earlier benchmarks used.)
    boolean plain = plainOfFive > 0 && random.nextInt(5) < plainOfFive;
    return plain ? PLAIN[random.nextInt(PLAIN.length)] : entitySentence(city);
  }

  /** One sentence carrying an entity of a random kind. */
  private String entitySentence(int city) {
    String area = AREA_CODES[city];
    return switch (random.nextInt(9)) {
      case 0 -> CITIES[city] + "市医疗保障局的咨询电话是" + area + "-" + (2000000 + random.nextInt(7999999)) + "。";
      case 1 -> "参保人员住院费用报销比例为" + (50 + random.nextInt(40)) + "%,最高可达" + (80 + random.nextInt(15)) + "%以上。";
      case 2 -> "个人缴费标准为每人每年" + (300 + random.nextInt(200)) + "元,财政补助不低于" + (500 + random.nextInt(300)) + "元。";
      case 3 -> "截至" + (2020 + random.nextInt(5)) + "年底,全市参保人数约为" + (100 + random.nextInt(900)) + "万人。";
      case 4 -> "详情可登录官网http://ylbz." + pinyin(city) + ".gov.cn/查询,或发送邮件至service@" + pinyin(city) + ".gov.cn。";
      case 5 -> "起付标准为" + (500 + random.nextInt(1000)) + "元,年度最高支付限额" + (10 + random.nextInt(40)) + "万元。";
      case 6 -> "自" + (2016 + random.nextInt(8)) + "年" + (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日起,门诊统筹报销" + (50 + random.nextInt(30)) + "%-" + (60 + random.nextInt(30)) + "%。";
      case 7 -> "也可拨打服务热线12393或" + area + "-12333咨询,工作时间为08:30—12:00。";
      default -> "医疗服务中心占地面积达" + (10 + random.nextInt(90)) + "," + (100 + random.nextInt(900)) + "平方米,年门诊量" + (1000 + random.nextInt(9000)) + "人次。";
    };
  }

  private static String pinyin(int city) {
    return new String[] {"pingliang", "pds", "yinchuan", "lanzhou", "zhenjiang", "anyang", "jining", "xa", "jyg", "xuancheng"}[city];
  }
}

package dev.pagefeed.segment;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the element or elements of an HTML body that hold its article, as the best extractors do
 * (readability's candidate scoring, trafilatura's discard rules): noise and chrome removed, then
 * every paragraph's text scored by its length and its sentence punctuation, the score handed to
 * its ancestors, and the ancestor with the best score, weighed by its class and id and by how
 * little of its text is links, taken with its siblings that score nearly as well. Related-item
 * lists are set apart first, to become cards. The rules are in {@link ContentRules}.
 */
final class MainContent {

  private MainContent() {}

  private static final Pattern CAMEL_CASE = Pattern.compile("([a-z])([A-Z])");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /**
   * What a body holds.
   *
   * @param article the elements holding the article, in document order
   * @param related the related-item lists, in document order, detached from the body
   */
  record Found(List<Element> article, List<Element> related) {}

  /** Finds the article of {@code body}, which it prunes: the chrome and the related lists are removed. */
  static Found find(Element body) {
    body.select(ContentRules.NOISE).remove();
    List<Element> related = relatedLists(body);
    related.forEach(Element::remove);
    removeChrome(body);
    Map<Element, Stats> stats = Stats.of(body);
    Element best = bestCandidate(body, stats);
    List<Element> article = best == null ? List.of(body) : repeated(spreadOver(best, body, stats), body, stats);
    for (Element element : article) {
      removeLinkLists(element, stats);
    }
    return new Found(article, related);
  }

  /** The outermost elements marked as related-item lists by their tokens or their own header. */
  static List<Element> relatedLists(Element body) {
    return outermost(body, MainContent::isRelatedList);
  }

  /**
   * Whether an element lies in code ({@code <pre>}, {@code <code>}), whose highlighting names its
   * parts "comment", "tag" or "keyword": they are the code's, not the page's chrome.
   */
  private static boolean inCode(Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (ContentRules.CODE.contains(parent.normalName())) {
        return true;
      }
    }
    return false;
  }

  /** The elements that pass {@code test} and lie in no other that does, in document order. */
  private static List<Element> outermost(Element root, java.util.function.Predicate<Element> test) {
    List<Element> found = new ArrayList<>();
    NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element element && element != root && test.test(element)) {
          found.add(element);
          return FilterResult.SKIP_CHILDREN;
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    return found;
  }

  /** A list of other pages: tokens such as {@code related}, or a first child that is a header such as 相关推荐. */
  static boolean isRelatedList(Element element) {
    Set<String> tokens = tokens(element);
    if (tokens.stream().anyMatch(ContentRules.RELATED_TOKENS::contains)
        && tokens.stream().noneMatch(ContentRules.COMMENT_TOKENS::contains)) {
      return true; // (a comment list "recommended" by its site is comments, not related pages)
    }
    // Headed by it: a box whose first child is such a header. (A box that holds the article and,
    // further down, a related header is not a list.)
    return element.childrenSize() > 0 && isRelatedHeader(element.child(0));
  }

  /**
   * A header such as 相关推荐: its text is one of {@link SegmentRules#RELATED_HEADERS}, at most two
   * levels deep ({@code <h3><span>相关推荐</span></h3>}), so that finding it costs little however
   * deep the page nests.
   */
  static boolean isRelatedHeader(Element element) {
    boolean shallow = element.childrenSize() == 0
        || (element.childrenSize() == 1 && element.child(0).childrenSize() == 0
            && !HtmlRenderer.BLOCKS.contains(element.child(0).normalName()));
    return shallow && SegmentRules.relatedSection(TextCleaner.clean(element.text())) != null;
  }

  /**
   * Removes chrome: {@link ContentRules#CHROME_ELEMENTS}, and elements with a chrome or layout
   * token and no content token unless one holds most of the page (see {@link
   * ContentRules#LAYOUT_TOKENS}; counted before anything is removed).
   */
  static void removeChrome(Element body) {
    Map<Element, Stats> before = Stats.of(body);
    Set<Element> aroundTitle = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element h1 : body.getElementsByTag("h1")) {
      for (Element parent = h1.parent(); parent != null; parent = parent.parent()) {
        aroundTitle.add(parent);
      }
    }
    double total = before.get(body).paragraphPoints;
    long letters = before.get(body).letters;
    body.select(ContentRules.CHROME_ELEMENTS).remove();
    List<Element> comments = outermost(body, element -> isComments(tokens(element)) && !inCode(element));
    double inComments = comments.stream().mapToDouble(c -> before.get(c).paragraphPoints).sum();
    boolean discussion = total > 0 && inComments >= ContentRules.DISCUSSION_SHARE * total;
    List<Element> chrome = new ArrayList<>(discussion ? List.of() : comments);
    for (Element element : body.getAllElements()) {
      if (element == body) {
        continue;
      }
      Set<String> tokens = tokens(element);
      if (!isChrome(tokens) || inCode(element)) {
        continue;
      }
      Stats own = before.get(element);
      if (own == null) {
        continue;
      }
      // A token can name a wrapper of the whole page: one holding most of its letters is kept; one
      // with a layout token ("app", "main-side") also when it holds most of its running text.
      boolean holdsTheLetters = own.letters >= ContentRules.KEEP_SHARE_OF_TEXT * letters
          && own.linkDensity() < ContentRules.MAX_LINK_DENSITY;
      if (tokens.stream().anyMatch(ContentRules.NEVER_CONTENT_TOKENS::contains)) {
        // Such a name on a box around the whole page ("page-ad-margins") is a layout's: the box
        // holds a title too. A comment list longer than the article does not.
        if (!holdsTheLetters || (!aroundTitle.isEmpty() && !aroundTitle.contains(element))) {
          chrome.add(element);
        }
      } else if (tokens.stream().anyMatch(ContentRules.CHROME_TOKENS::contains)) {
        if (!holdsTheLetters) {
          chrome.add(element);
        }
      } else if (tokens.stream().anyMatch(ContentRules.LAYOUT_TOKENS::contains)) {
        if (!holdsTheLetters && own.paragraphPoints < ContentRules.KEEP_SHARE_OF_TEXT * total) {
          chrome.add(element);
        }
      }
    }
    chrome.forEach(Element::remove);
  }

  /** Whether class and id tokens say comments and nothing says content. */
  private static boolean isComments(Set<String> tokens) {
    return tokens.stream().anyMatch(ContentRules.COMMENT_TOKENS::contains)
        && tokens.stream().noneMatch(ContentRules.CONTENT_TOKENS::contains);
  }

  /** Whether class and id tokens say chrome (of any strength) and nothing says content. */
  static boolean isChrome(Set<String> tokens) {
    return tokens.stream().anyMatch(t -> ContentRules.NEVER_CONTENT_TOKENS.contains(t)
            || ContentRules.CHROME_TOKENS.contains(t) || ContentRules.LAYOUT_TOKENS.contains(t))
        && tokens.stream().noneMatch(ContentRules.CONTENT_TOKENS::contains);
  }

  /** The tokens of an element's class and id: lower-cased, split at non-letters and at camelCase. */
  static Set<String> tokens(Element element) {
    String marks = element.className() + " " + element.id();
    if (marks.isBlank()) {
      return Set.of();
    }
    Set<String> tokens = new java.util.HashSet<>();
    String spaced = CAMEL_CASE.matcher(marks).replaceAll("$1 $2");
    for (String token : NOT_ALPHANUMERIC.split(spaced.toLowerCase(Locale.ROOT))) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    // Joined forms count too: "article-content", "page_nav".
    for (String word : WHITE_SPACE.split(marks.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        tokens.add(word.replace('_', '-'));
      }
    }
    return tokens;
  }

  /** The element whose text scores best, or null when the body has no paragraph to score. */
  static Element bestCandidate(Element body, Map<Element, Stats> stats) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element element : body.getAllElements()) {
      Stats own = stats.get(element);
      if (own == null) {
        continue;
      }
      long length;
      long marks;
      Element first;
      if (ContentRules.PARAGRAPHS.contains(element.normalName())) {
        length = own.letters;
        marks = own.marks;
        first = element.parent();
      } else if (ContentRules.TEXT_BOXES.contains(element.normalName())) {
        // Text written straight into a box (lines split by <br>) is its own paragraph.
        length = own.inlineLetters;
        marks = own.inlineMarks;
        first = element;
      } else {
        continue;
      }
      if (length < ContentRules.MIN_PARAGRAPH_LENGTH || first == null) {
        continue;
      }
      double points = Stats.points(length, marks);
      Element ancestor = first;
      for (double share : ContentRules.ANCESTOR_SHARES) {
        if (ancestor == null || ancestor == body.parent()) {
          break;
        }
        Double was = scores.get(ancestor);
        scores.put(ancestor, (was == null ? weight(ancestor, stats) : was) + points * share);
        ancestor = ancestor.parent();
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
      double score = finalScore(candidate.getKey(), candidate.getValue(), stats);
      if (score > bestScore) {
        best = candidate.getKey();
        bestScore = score;
      }
    }
    return best;
  }

  private static double finalScore(Element element, double score, Map<Element, Stats> stats) {
    Stats own = stats.get(element);
    return score * (1 - (own == null ? 0 : own.linkDensity()));
  }

  /**
   * The score an element starts with: its tag's weight, and its tokens'. A content token counts
   * no more than the element's own running text: a name says where the article is, but a small
   * box named "text" or "content" (a teaser's snippet) is not the article for it.
   */
  static double weight(Element element, Map<Element, Stats> stats) {
    double weight = ContentRules.TAG_WEIGHTS.getOrDefault(element.normalName(), 0.0);
    Set<String> tokens = tokens(element);
    if (tokens.stream().anyMatch(ContentRules.CONTENT_TOKENS::contains)) {
      Stats own = stats.get(element);
      weight += Math.min(ContentRules.TOKEN_WEIGHT, own == null ? 0 : own.paragraphPoints);
    }
    if (tokens.stream().anyMatch(t -> ContentRules.NEVER_CONTENT_TOKENS.contains(t) || ContentRules.CHROME_TOKENS.contains(t))) {
      weight -= ContentRules.TOKEN_WEIGHT;
    }
    return weight;
  }

  /**
   * The ancestor of the best candidate that holds the article when its text is spread over
   * several boxes (a thread's posts): the nearest ancestor below the body, within {@link
   * ContentRules#MAX_LEVELS_UP} levels, whose paragraphs score {@link ContentRules#PARENT_GROWTH}
   * times the current element's, with few links; looked for again from there. Levels that add no
   * text (a post's box around its body) are passed; a level that adds some text, but not that
   * much, ends the walk: what it adds is beside the article, not more of it.
   */
  static Element spreadOver(Element best, Element body, Map<Element, Stats> stats) {
    Element current = best;
    int levels = 0;
    for (Element parent = best.parent(); parent != null && parent != body && levels < ContentRules.MAX_LEVELS_UP;
        parent = parent.parent()) {
      levels++;
      Stats mine = stats.get(current);
      Stats theirs = stats.get(parent);
      if (mine == null || theirs == null || theirs.linkDensity() > ContentRules.MAX_PARENT_LINK_DENSITY) {
        break;
      }
      double own = mine.paragraphPoints * (1 - mine.linkDensity());
      double parents = theirs.paragraphPoints * (1 - theirs.linkDensity());
      if (parents >= ContentRules.PARENT_GROWTH * own) {
        current = parent;
        levels = 0;
      } else if (parents > ContentRules.SAME_TEXT * own) {
        break;
      }
    }
    return current;
  }

  /**
   * The article, when it is one of a run of boxes of one kind (a thread's posts, a page's
   * answers): the candidate or one of its nearest ancestors with siblings of its tag and class, all
   * of them that hold text with few links; else the candidate with the siblings that score nearly
   * as well ({@link #withSiblings}).
   */
  static List<Element> repeated(Element candidate, Element body, Map<Element, Stats> stats) {
    Element box = candidate;
    for (int level = 0; level <= ContentRules.MAX_RECORD_LEVELS && box != null && box != body; level++, box = box.parent()) {
      Element parent = box.parent();
      if (parent == null || box.className().isBlank()) {
        continue;
      }
      List<Element> records = new ArrayList<>();
      for (Element sibling : parent.children()) {
        Stats own = stats.get(sibling);
        if (sibling.normalName().equals(box.normalName()) && sibling.className().equals(box.className())
            && own != null && own.paragraphPoints > 0 && own.linkDensity() < ContentRules.MAX_LINK_DENSITY) {
          records.add(sibling);
        }
      }
      if (records.size() >= ContentRules.MIN_RECORDS) {
        return records;
      }
    }
    return withSiblings(candidate, stats);
  }

  /** The best candidate and those of its siblings that score nearly as well or read as text. */
  static List<Element> withSiblings(Element best, Map<Element, Stats> stats) {
    Element parent = best.parent();
    if (parent == null) {
      return List.of(best);
    }
    Map<Element, Double> siblingScores = new IdentityHashMap<>();
    for (Element sibling : parent.children()) {
      siblingScores.put(sibling, bestCandidateScore(sibling, stats));
    }
    double bestScore = siblingScores.get(best);
    double threshold = Math.max(ContentRules.MIN_SIBLING_SCORE, bestScore * ContentRules.SIBLING_SHARE);
    List<Element> article = new ArrayList<>();
    for (Element sibling : parent.children()) {
      Stats own = stats.get(sibling);
      boolean text = own != null && ContentRules.PARAGRAPHS.contains(sibling.normalName())
          && own.letters > 80 && own.linkDensity() < 0.25;
      if (sibling == best || siblingScores.get(sibling) >= threshold || text) {
        article.add(sibling);
      }
    }
    return article;
  }

  /** A sibling's own score as a candidate: its paragraphs' points, as {@link #bestCandidate} gives them. */
  private static double bestCandidateScore(Element element, Map<Element, Stats> stats) {
    Stats own = stats.get(element);
    if (own == null) {
      return 0;
    }
    double points = own.paragraphPoints;
    return (weight(element, stats) + points) * (1 - own.linkDensity());
  }

  /** Removes lists, tables and boxes inside the article whose text is mostly links. */
  static void removeLinkLists(Element article, Map<Element, Stats> stats) {
    for (Element element : new ArrayList<>(article.select("ul, ol, dl, table, div, section, p"))) {
      Stats own = stats.get(element);
      if (element != article && own != null && own.letters > 0 && own.linkDensity() > ContentRules.MAX_LINK_DENSITY
          && own.marks <= 2) {
        element.remove();
      }
    }
  }

  /** Letters and links of each element's text, counted once over the tree. */
  static final class Stats {
    /** Letters, digits and CJK characters of the element's text. */
    long letters;
    /** Of those, the ones inside links. */
    long linkLetters;
    /** Sentence marks ({@link ContentRules#SENTENCE_MARKS}) of the text. */
    long marks;
    /** Letters and marks of the text written straight into the element (not in a child block). */
    long inlineLetters;
    long inlineMarks;
    /** The points of the paragraphs inside the element. */
    double paragraphPoints;

    double linkDensity() {
      return letters == 0 ? 0 : (double) linkLetters / letters;
    }

    static Map<Element, Stats> of(Element root) {
      Map<Element, Stats> all = new IdentityHashMap<>();
      NodeTraversor.traverse(new NodeVisitor() {
        @Override
        public void head(Node node, int depth) {
          if (node instanceof Element element) {
            all.put(element, new Stats());
          }
        }

        @Override
        public void tail(Node node, int depth) {
          if (node instanceof TextNode text) {
            Element parent = (Element) text.parent();
            Stats stats = parent == null ? null : all.get(parent);
            if (stats != null) {
              String value = text.getWholeText();
              long letters = letters(value);
              long marks = marks(value);
              stats.letters += letters;
              stats.marks += marks;
              stats.inlineLetters += letters;
              stats.inlineMarks += marks;
              if (parent.normalName().equals("a")) {
                stats.linkLetters += letters;
              }
            }
          } else if (node instanceof Element element && element.parent() != null && all.containsKey(element.parent())) {
            Stats own = all.get(element);
            if (ContentRules.PARAGRAPHS.contains(element.normalName())) {
              own.paragraphPoints += points(own.letters, own.marks);
            } else if (ContentRules.TEXT_BOXES.contains(element.normalName())) {
              own.paragraphPoints += points(own.inlineLetters, own.inlineMarks);
            }
            Stats parent = all.get(element.parent());
            parent.letters += own.letters;
            parent.marks += own.marks;
            parent.linkLetters += element.normalName().equals("a") ? own.letters : own.linkLetters;
            parent.paragraphPoints += own.paragraphPoints;
            if (!HtmlRenderer.BLOCKS.contains(element.normalName())) {
              parent.inlineLetters += own.inlineLetters;
              parent.inlineMarks += own.inlineMarks;
            }
          }
        }
      }, root);
      return all;
    }

    /** A paragraph's points: one, one per sentence mark, and up to three for its length; 0 when short. */
    static double points(long letters, long marks) {
      return letters < ContentRules.MIN_PARAGRAPH_LENGTH ? 0
          : 1 + marks + Math.min((double) letters / ContentRules.CHARS_PER_POINT, ContentRules.MAX_LENGTH_POINTS);
    }

    static long letters(String text) {
      long count = 0;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        if (Character.isLetterOrDigit(c)) {
          count++;
        }
        i += Character.charCount(c);
      }
      return count;
    }

    static long marks(String text) {
      Matcher m = ContentRules.SENTENCE_MARKS.matcher(text);
      long count = 0;
      while (m.find()) {
        count++;
      }
      return count;
    }
  }
}

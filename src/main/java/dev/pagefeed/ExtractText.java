package dev.pagefeed;

import dev.pagefeed.extract.Budget;
import dev.pagefeed.extract.Match;
import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.encode.Json;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.EntityValue;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.Mod;
import dev.pagefeed.model.RejectedInputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts entities from ad-hoc text without a pipeline: UTF-8 text on stdin, one text per
 * line; on stdout one JSON object per input line, in order: {@code {"line": n, "entities": [...]}}.
 *
 * <pre>
 *   echo '咨询电话是0375-3695011' | java -cp target/pagefeed.jar dev.pagefeed.ExtractText
 * </pre>
 */
public final class ExtractText {

  /** An entity without ids, block or page: what a bare text yields. */
  record TextEntity(EntityKind kind, String text, int start, int end, String normalized,
      EntityValue value, Mod mod, List<Flag> flags, String context) {}

  /** One output line. */
  record Line(int line, List<TextEntity> entities) {}

  private ExtractText() {}

  public static void main(String[] args) throws IOException {
    PageExtractor extractor = new PageExtractor();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    int n = 0;
    for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
      n++;
      out.write(Json.line(new Line(n, entities(extractor, raw))));
      out.write('\n');
    }
    out.flush();
  }

  /**
   * The entities of one line of text, as a page's block of that text gives them (the same code:
   * offsets in code points, context, the area-code check with the line as its own place context).
   */
  static List<TextEntity> entities(PageExtractor extractor, String text) {
    List<TextEntity> found = new ArrayList<>();
    try {
      for (PageExtractor.Located located : extractor.locate(text, false, text, Budget.UNLIMITED)) {
        Match m = located.match();
        found.add(new TextEntity(m.kind(), located.text(), located.start(), located.end(), m.normalized(), m.value(),
            m.mod(), m.flags().stream().sorted().toList(), located.context()));
      }
    } catch (RejectedInputException e) {
      throw new IllegalStateException("an unlimited budget ran out", e);
    }
    return found;
  }
}

package dev.pagefeed;

import dev.pagefeed.extract.EntityExtractor;
import dev.pagefeed.extract.Match;
import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.extract.Text;
import dev.pagefeed.io.Json;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.EntityValue;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.Mod;
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
    EntityExtractor extractor = new EntityExtractor();
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

  /** The entities of one line of text, offsets in code points. */
  static List<TextEntity> entities(EntityExtractor extractor, String text) {
    List<TextEntity> found = new ArrayList<>();
    for (Match m : extractor.find(Text.of(text))) {
      int start = text.codePointCount(0, m.start());
      found.add(new TextEntity(m.kind(), text.substring(m.start(), m.end()), start,
          start + text.codePointCount(m.start(), m.end()), m.normalized(), m.value(), m.mod(),
          m.flags().stream().sorted().toList(), PageExtractor.context(text, m.start(), m.end())));
    }
    return found;
  }
}

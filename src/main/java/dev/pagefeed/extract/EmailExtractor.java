package dev.pagefeed.extract;

import dev.pagefeed.model.EmailValue;
import dev.pagefeed.model.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, normalized to lower case. An address cut off by the end of a truncated text
 * ({@code 904632671@qq}) is kept with flag {@code truncated} and no normalized value; an address
 * with no top-level domain elsewhere is not an address.
 */
public final class EmailExtractor implements Extractor {

  static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@"
              + "(?:\\[\\d{1,3}(?:\\.\\d{1,3}){3}\\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*)");

  /** A domain's last label must be letters, two or more. */
  static final Pattern TOP_LEVEL = Pattern.compile("\\.[A-Za-z]{2,63}$");

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    if (s.indexOf('@') < 0) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    Matcher m = EMAIL.matcher(s);
    while (m.find()) {
      String address = m.group();
      String domain = address.substring(address.indexOf('@') + 1);
      if (TOP_LEVEL.matcher(domain).find() || domain.startsWith("[")) {
        String lower = address.toLowerCase(Locale.ROOT);
        out.add(
            Match.of(EntityKind.EMAIL, m.start(), m.end(), lower,
                new EmailValue(lower, domain.toLowerCase(Locale.ROOT))));
      } else if (text.cutAt(m.end())) {
        out.add(
            Match.of(EntityKind.EMAIL, m.start(), m.end(), null,
                new EmailValue(address.toLowerCase(Locale.ROOT), domain.toLowerCase(Locale.ROOT)))
                .truncated());
      }
    }
    return out;
  }
}

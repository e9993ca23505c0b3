package dev.pagefeed.properties;

import dev.pagefeed.files.Location;
import dev.pagefeed.parts.FileSummary;
import dev.pagefeed.run.OutputCommitter;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.encode.RecordEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Parts sort their records by key prefix first and merges compare prefixes first; neither may
 * change {@link OutputLine#ORDER}, whatever the keys: sharing long prefixes, shorter than a
 * prefix, holding NUL or characters outside the BMP.
 */
class PartOrderProperties {

  @Provide
  Arbitrary<String> keys() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(16);
    Arbitrary<String> close = Arbitraries.strings().withChars("ab\u0000é中\uFFFD😀").ofMaxLength(10)
        .map(tail -> "page-000" + tail);
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(12);
    return Arbitraries.oneOf(hex, close, anything);
  }

  @Provide
  Arbitrary<List<OutputLine>> lines() {
    Arbitrary<OutputLine> line = Combinators.combine(keys(), Arbitraries.strings().withChars("xy二").ofMaxLength(3),
        Arbitraries.of("", "phone", "date"), Arbitraries.of("a.txt", "b.html", "c.txt"))
        .as((key, text, tag, source) -> new OutputLine(key, (text + "\n").getBytes(StandardCharsets.UTF_8), tag, source));
    return line.list().ofMaxSize(60);
  }

  @Property(tries = 200)
  void keyPrefixesOrderAsTheKeysDoWhereverTheyDiffer(@ForAll("keys") String a, @ForAll("keys") String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    int byPrefix = Long.compareUnsigned(OutputLine.keyPrefix(x, 0, x.length), OutputLine.keyPrefix(y, 0, y.length));
    if (byPrefix != 0 && Integer.signum(byPrefix) != Integer.signum(Arrays.compareUnsigned(x, y))) {
      throw new AssertionError("the prefixes of " + a + " and " + b + " order them the wrong way");
    }
  }

  @Property(tries = 100)
  void partsMergeIntoTheLinesInOrder(@ForAll("lines") List<OutputLine> lines, @ForAll long split) throws IOException {
    Path staging = Files.createTempDirectory("parts");
    try {
      // Two buffers, lines dealt between them by the bits of split, as two bundles would.
      PartFiles.Buffer first = new PartFiles.Buffer(Location.of(staging), 1);
      PartFiles.Buffer second = new PartFiles.Buffer(Location.of(staging), 1);
      for (int i = 0; i < lines.size(); i++) {
        ((split >>> (i % 64) & 1) == 0 ? first : second).add(new RecordEncoder.Encoded(OutputFile.ERRORS_JSONL, lines.get(i), lines.get(i).source()));
      }
      List<PartFiles.Part> parts = new ArrayList<>(first.flush());
      parts.addAll(second.flush());
      FileSummary summary = PartFiles.merge(Location.of(staging), new OutputShard(OutputFile.ERRORS_JSONL, 0, 1), parts, false);

      List<OutputLine> expected = new ArrayList<>(lines);
      expected.sort(OutputLine.ORDER);
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      for (OutputLine line : expected) {
        text.write(line.text());
      }
      if (!Arrays.equals(text.toByteArray(), Files.readAllBytes(staging.resolve("errors.jsonl")))
          || summary.records() != lines.size()) {
        throw new AssertionError("the merged file is not the lines in order");
      }
    } finally {
      Location.of(staging).deleteTree();
    }
  }
}

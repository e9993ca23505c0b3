package dev.pagefeed.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcCompression;

/**
 * Packs a folder of page files into one WARC file as a crawler would have stored them (a request
 * and a 200 response per page, gzip per record), for the WARC benchmark.
 * Usage: WarcCorpus PAGES_DIR OUT.warc.gz
 */
public final class WarcCorpus {

  private WarcCorpus() {}

  public static void main(String[] args) throws IOException {
    Path pages = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> list = Files.list(pages)) {
      files = list.sorted().toList();
    }
    try (TestWarc warc = new TestWarc(Path.of(args[1]), WarcCompression.GZIP)) {
      warc.warcinfo(Path.of(args[1]).getFileName().toString());
      for (Path file : files) {
        String name = file.getFileName().toString();
        String type = name.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
        warc.fetch("https://crawl.example.cn/" + name, type, Files.readAllBytes(file), false, false);
      }
    }
    System.out.println("warc-corpus: " + files.size() + " responses in " + args[1]);
  }
}

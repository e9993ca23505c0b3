package dev.pagefeed.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which build of pagefeed made a run's records: its version and a hash of its own classes and
 * resources (so that any change to segmenting or extraction rules, released or not, makes the next
 * incremental run process every page again rather than reuse records made by other code).
 */
public final class Build {

  private static final String OWN = "dev/pagefeed/";

  private static volatile String id;

  private Build() {}

  /** {@code <version>+<12 hex>}, e.g. {@code 0.1.0-SNAPSHOT+3f0a9c21b7de}. */
  public static String id() {
    String known = id;
    if (known == null) {
      known = version() + "+" + codeHash().substring(0, 12);
      id = known;
    }
    return known;
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = Build.class.getResourceAsStream("/" + OWN + "build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pagefeed's build.properties", e);
    }
    return properties.getProperty("version", "unknown");
  }

  /** sha256 over the names and bytes of pagefeed's classes and resources, in name order. */
  private static String codeHash() {
    try {
      Path location = Path.of(Build.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      TreeMap<String, byte[]> entries = Files.isDirectory(location) ? fromFolder(location) : fromJar(location);
      com.google.common.hash.Hasher digest = dev.pagefeed.model.Ids.sha256Hasher();
      for (var entry : entries.entrySet()) {
        digest.putBytes(entry.getKey().getBytes(StandardCharsets.UTF_8));
        digest.putBytes(entry.getValue());
      }
      return digest.hash().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pagefeed's own classes", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("pagefeed's classes are not in a file or folder", e);
    }
  }

  private static TreeMap<String, byte[]> fromFolder(Path root) throws IOException {
    TreeMap<String, byte[]> entries = new TreeMap<>();
    Path own = root.resolve(OWN);
    try (Stream<Path> files = Files.walk(own)) {
      List<Path> regular = files.filter(Files::isRegularFile).toList();
      for (Path file : regular) {
        entries.put(OWN + own.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return entries;
  }

  private static TreeMap<String, byte[]> fromJar(Path jar) throws IOException {
    TreeMap<String, byte[]> entries = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().filter(e -> e.getName().startsWith(OWN) && !e.isDirectory()).toList()) {
        try (InputStream in = file.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }
}

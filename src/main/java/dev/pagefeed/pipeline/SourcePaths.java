package dev.pagefeed.pipeline;

import java.nio.file.Path;
import java.nio.file.Paths;

/** How input paths are recorded: local ones relative to the working folder when below it, others as URIs. */
final class SourcePaths {

  private SourcePaths() {}

  /** The working folder, as an absolute path. */
  static String workingDir() {
    return Paths.get("").toAbsolutePath().normalize().toString();
  }

  /** {@code path} relative to {@code baseDir} when it lies below it, else unchanged. */
  static String relative(String path, String baseDir) {
    if (!dev.pagefeed.files.Location.of(path).isLocal()) {
      return path; // hdfs:// and other file systems: the whole URI
    }
    String plain = path.startsWith("file:") ? Path.of(java.net.URI.create(path)).toString() : path;
    Path absolute = Paths.get(plain).toAbsolutePath().normalize();
    Path base = Paths.get(baseDir);
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : plain;
  }
}

package dev.pagefeed.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Source keys: what a page without a URL takes its id from. A file's key is its path below the
 * {@code --input} root it was found under (a file named directly: its name), so that it does not
 * change when the whole input folder moves or the run starts from another working folder. When
 * several roots are read, each key starts with its root's name, the shortest trailing part of the
 * root's path that no other root ends in, so that two roots holding the same relative path still
 * give distinct keys.
 *
 * <pre>
 *   --input=/data/crawl                 /data/crawl/faq/1.txt → "faq/1.txt"
 *   --input=/a/2024,/b/2025             /a/2024/1.txt → "2024/1.txt", /b/2025/1.txt → "2025/1.txt"
 *   --input=/a/crawl,/b/crawl           /a/crawl/1.txt → "a/crawl/1.txt"
 *   --input='/data/crawl/*.html'        /data/crawl/1.html → "1.html"
 * </pre>
 */
public final class SourceKeys {

  /** The characters that make a path a glob (Beam's file systems read these). */
  private static final String WILDCARDS = "*?[{";

  private SourceKeys() {}

  /**
   * One input pattern and the root its files' keys are taken below.
   *
   * @param pattern the glob the files are listed with (a folder's is {@code <folder>/**})
   * @param folder the root: the folder a glob's wildcards start in, or a named file's folder
   * @param label the root's name in keys, empty when it is the only root
   * @param shown the folder as the {@code --input} value wrote it (normalized; empty for the working
   *     folder), which the paths of its files are recorded below
   */
  public record Root(String pattern, String folder, String label, String shown) implements Serializable {

    /**
     * The path a file this root's pattern listed is recorded with ({@code source.path}): its path
     * below the folder, after the folder as written. An absolute {@code --input} gives absolute
     * paths and a relative one relative paths, whatever the working folder, so that a scheduled
     * run started from another folder with the same {@code --input} records the same paths.
     */
    public String pathOf(String resourceId) {
      if (!resourceId.startsWith(folder + "/")) {
        return resourceId;
      }
      String below = resourceId.substring(folder.length() + 1);
      return shown.isEmpty() ? below : shown + "/" + below;
    }

    /** The key of a file this root's pattern listed, given as its resource id. */
    public String keyOf(String resourceId) {
      String relative = resourceId.startsWith(folder + "/")
          ? resourceId.substring(folder.length() + 1)
          : resourceId.substring(resourceId.lastIndexOf('/') + 1);
      return label.isEmpty() ? relative : label + "/" + relative;
    }
  }

  /** The roots of {@code patterns}, each labelled apart from the others; files recorded by full path. */
  public static List<Root> roots(List<String> patterns) {
    return roots(patterns, patterns);
  }

  /**
   * The roots of {@code patterns}, each labelled apart from the others, whose files are recorded
   * below the folders of {@code shownAs} (the same patterns as the user wrote them).
   */
  public static List<Root> roots(List<String> patterns, List<String> shownAs) {
    if (patterns.size() != shownAs.size()) {
      throw new IllegalArgumentException(patterns.size() + " patterns but " + shownAs.size() + " written forms");
    }
    TreeSet<String> folders = new TreeSet<>();
    for (String pattern : patterns) {
      folders.add(folderOf(pattern));
    }
    Map<String, String> labels = labels(folders);
    List<Root> roots = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      String folder = folderOf(patterns.get(i));
      roots.add(new Root(patterns.get(i), folder, labels.get(folder), folderOf(shownAs.get(i))));
    }
    return roots;
  }

  /** The folder below which a pattern's files are named: before its first wildcard, or a file's parent. */
  static String folderOf(String pattern) {
    int wildcard = pattern.length();
    for (char c : WILDCARDS.toCharArray()) {
      int at = pattern.indexOf(c);
      if (at >= 0) {
        wildcard = Math.min(wildcard, at);
      }
    }
    int slash = pattern.lastIndexOf('/', wildcard - 1);
    return slash < 0 ? "" : pattern.substring(0, slash);
  }

  /**
   * Each folder's label: empty for a single folder, else the fewest trailing path components that
   * no other folder ends in (the whole path when it is a suffix of another's).
   */
  static Map<String, String> labels(TreeSet<String> folders) {
    Map<String, String> labels = new HashMap<>();
    if (folders.size() == 1) {
      labels.put(folders.first(), "");
      return labels;
    }
    for (String folder : folders) {
      String[] parts = folder.split("/", -1);
      String label = folder;
      for (int n = 1; n <= parts.length; n++) {
        String suffix = String.join("/", Arrays.copyOfRange(parts, parts.length - n, parts.length));
        if (folders.stream().noneMatch(other -> !other.equals(folder) && endsWithComponents(other, suffix))) {
          label = suffix;
          break;
        }
      }
      labels.put(folder, label.startsWith("/") ? label.substring(1) : label);
    }
    return labels;
  }

  private static boolean endsWithComponents(String path, String suffix) {
    return path.equals(suffix) || path.endsWith("/" + suffix);
  }
}

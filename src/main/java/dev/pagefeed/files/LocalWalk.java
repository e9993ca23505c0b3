package dev.pagefeed.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The files below a local folder, or those a local glob matches, as pagefeed reads them: links are
 * followed, each folder once (a link back to a folder above is a loop, reported, not followed); a
 * folder that cannot be listed, a link to nothing and anything that is not a regular file (a FIFO,
 * a socket, a device) are never opened and each come back as a problem, so that the run gives them
 * a line; the output folder's own files are left out. Never a hang, never silence.
 */
final class LocalWalk {

  /** How a folder's entries are listed: {@link Files#newDirectoryStream} (a test may stand in for it). */
  interface Folders {
    DirectoryStream<Path> list(Path folder) throws IOException;
  }

  static final Folders FILE_SYSTEM = Files::newDirectoryStream;

  private final Folders folders;
  private final Predicate<Path> leftOut;
  private final PathMatcher glob;
  /** Where each file (or problem) found goes. */
  private final java.util.function.Consumer<Location.Listed> found;
  /** The folders walked, by file key, with the path they were walked under. */
  private final Map<Object, Path> walked = new HashMap<>();

  private LocalWalk(Folders folders, Predicate<Path> leftOut, PathMatcher glob,
      java.util.function.Consumer<Location.Listed> found) {
    this.folders = folders;
    this.leftOut = leftOut;
    this.glob = glob;
    this.found = found;
  }

  /**
   * The files {@code glob} matches (a path without wildcards: that file, or every file below that
   * folder), with a {@link Location.Listed#problem} for what cannot be read; empty when nothing is
   * there.
   *
   * @param leftOut paths never listed (the output folder's own files)
   */
  static List<Location.Listed> match(String glob, Predicate<Path> leftOut, Folders folders) {
    List<Location.Listed> found = new ArrayList<>();
    walk(glob, leftOut, folders, found::add);
    found.sort(java.util.Comparator.comparing(listed -> listed.file().spec()));
    return found;
  }

  /** Each entry {@link #match} lists, handed to {@code found} as the walk goes (in walk order, nothing kept). */
  static void walk(String glob, Predicate<Path> leftOut, Folders folders,
      java.util.function.Consumer<Location.Listed> found) {
    String base = glob.endsWith("/**") ? glob.substring(0, glob.length() - 3) : glob;
    if (!hasWildcard(base)) {
      new LocalWalk(folders, leftOut, null, found).visit(Path.of(base), List.of());
      return;
    }
    int wildcard = firstWildcard(glob);
    int slash = glob.lastIndexOf('/', wildcard);
    Path root = Path.of(slash <= 0 ? "/" : glob.substring(0, slash));
    if (Files.isDirectory(root)) {
      new LocalWalk(folders, leftOut, FileSystems.getDefault().getPathMatcher("glob:" + glob), found)
          .visit(root, List.of());
    }
  }

  private static boolean hasWildcard(String path) {
    return firstWildcard(path) < path.length();
  }

  private static int firstWildcard(String path) {
    int at = path.length();
    for (char c : "*?[{".toCharArray()) {
      int i = path.indexOf(c);
      if (i >= 0) {
        at = Math.min(at, i);
      }
    }
    return at;
  }

  /** One path: a file is listed, a folder walked; {@code above} are the file keys of the folders it lies in. */
  private void visit(Path path, List<Object> above) {
    if (leftOut.test(path)) {
      return;
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException gone) {
      if (Files.isSymbolicLink(path)) {
        problem(path, Location.Problem.NOT_A_FILE, "a link to nothing (" + linkTarget(path) + ")");
      }
      return; // not there (any more): nothing to list
    } catch (IOException e) {
      problem(path, Location.Problem.UNREADABLE, "cannot be looked at: " + reason(e));
      return;
    }
    if (attributes.isRegularFile()) {
      if (matches(path)) {
        found.accept(new Location.Listed(Location.of(path), attributes.size()));
      }
      return;
    }
    if (!attributes.isDirectory()) {
      if (matches(path)) {
        problem(path, Location.Problem.NOT_A_FILE, "not a regular file (" + kind(path) + "), so it is not opened");
      }
      return;
    }
    Object key = attributes.fileKey() == null ? path.toAbsolutePath().normalize() : attributes.fileKey();
    if (above.contains(key)) {
      problem(path, Location.Problem.NOT_A_FILE, "a link back to the folder " + walked.get(key)
          + " it lies in (a loop), so it is not followed");
      return;
    }
    Path before = walked.putIfAbsent(key, path);
    if (before != null) {
      problem(path, Location.Problem.NOT_A_FILE, "the same folder as " + before + " (a link), whose files are read there");
      return;
    }
    List<Object> inside = new ArrayList<>(above);
    inside.add(key);
    // Plain entries first, as the folder lists them (nothing per entry is kept: a folder of a
    // million files costs no list), then the links, sorted, so that a folder reached both ways is
    // read under its own path, and which of two links to one folder is read does not depend on
    // the listing's order.
    List<Path> links = new ArrayList<>();
    long seen = 0;
    try (DirectoryStream<Path> list = folders.list(path)) {
      for (Path entry : list) {
        seen++;
        if (Files.isSymbolicLink(entry)) {
          links.add(entry);
        } else {
          visit(entry, inside);
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      problem(path, Location.Problem.UNREADABLE, seen == 0
          ? "the folder cannot be listed (" + reason(e) + "), so its files are not read"
          : "the folder could not be listed to its end (" + reason(e) + "), so some of its files are not read");
      return;
    }
    links.sort(null);
    for (Path link : links) {
      visit(link, inside);
    }
  }

  private boolean matches(Path path) {
    return glob == null || glob.matches(path);
  }

  private void problem(Path path, Location.Problem problem, String why) {
    found.accept(new Location.Listed(Location.of(path), 0, problem, why));
  }

  private static String kind(Path path) {
    try {
      Object type = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      int mode = ((Integer) type) & 0170000;
      return switch (mode) {
        case 0010000 -> "a FIFO";
        case 0140000 -> "a socket";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private static String linkTarget(Path link) {
    try {
      return "it points to " + Files.readSymbolicLink(link);
    } catch (IOException e) {
      return "its target cannot be read";
    }
  }

  private static String reason(Throwable e) {
    return Location.reason(e instanceof java.nio.file.DirectoryIteratorException ? e.getCause() : e);
  }
}

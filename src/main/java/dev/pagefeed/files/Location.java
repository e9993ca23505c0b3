package dev.pagefeed.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * A file or folder on any file system Beam has registered: a local path, {@code hdfs://…}, or an
 * object store. pagefeed's one door to Beam's {@link FileSystems}: the run's files (parts, output
 * files, indexes, the manifest, the pointer to the current run) are read and written through it,
 * so the commit and the parts need no Beam of their own, and {@code --output} can be any
 * registered file system. The driver and every worker register them from the run's options
 * (Beam's runners do it for the workers).
 *
 * <p>Beam's file systems list files, not folders: a folder is whatever files lie below it. On a
 * local disk some operations use {@code java.nio} for what Beam does not promise: an atomic
 * replacing rename, hard links, and removing empty folders.
 *
 * @param spec an absolute local path, or a URI with a scheme; never ends with {@code /}
 */
public record Location(String spec) implements Serializable {

  public Location {
    if (spec.length() > 1 && spec.endsWith("/") && !spec.endsWith("://")) {
      spec = spec.substring(0, spec.length() - 1);
    }
  }

  /** {@code spec} as a location: a local path made absolute, a URI as it is. */
  public static Location of(String spec) {
    return isUri(spec) && !spec.startsWith("file:") ? new Location(spec)
        : new Location(localPath(spec).toAbsolutePath().normalize().toString());
  }

  /** A local path as a location. */
  public static Location of(Path path) {
    return new Location(path.toAbsolutePath().normalize().toString());
  }

  private static boolean isUri(String spec) {
    return spec.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") || spec.startsWith("file:");
  }

  private static Path localPath(String spec) {
    return spec.startsWith("file:") ? Path.of(java.net.URI.create(spec)) : Path.of(spec);
  }

  /** Whether this lies on the local disk (where {@link #path} may be used). */
  public boolean isLocal() {
    return !isUri(spec);
  }

  /** This location as a local path. */
  public Path path() {
    if (!isLocal()) {
      throw new IllegalStateException(spec + " is not on the local disk");
    }
    return Path.of(spec);
  }

  /** The file or folder {@code name} (which may hold {@code /}) inside this folder. */
  public Location resolve(String name) {
    return new Location(spec + "/" + name);
  }

  /** The last name of the path. */
  public String name() {
    return spec.substring(spec.lastIndexOf('/') + 1);
  }

  /** The path of {@code inside} below this folder, or null when it is not below it. */
  public String relativize(Location inside) {
    String prefix = spec + "/";
    return inside.spec.startsWith(prefix) ? inside.spec.substring(prefix.length()) : null;
  }

  private ResourceId resource(boolean folder) {
    return FileSystems.matchNewResource(spec, folder);
  }

  public InputStream open() throws IOException {
    return Channels.newInputStream(FileSystems.open(resource(false)));
  }

  /** Creates or replaces the file (and the folders it lies in) to write it. */
  public OutputStream create() throws IOException {
    if (isLocal()) {
      Files.createDirectories(path().getParent());
    }
    return Channels.newOutputStream(FileSystems.create(resource(false), MimeTypes.BINARY));
  }

  /** Whether this file exists (a folder does not count). */
  public boolean exists() throws IOException {
    return metadata() != null;
  }

  /** The file's size in bytes. */
  public long size() throws IOException {
    MatchResult.Metadata metadata = metadata();
    if (metadata == null) {
      throw new java.io.FileNotFoundException(spec);
    }
    return metadata.sizeBytes();
  }

  private MatchResult.Metadata metadata() throws IOException {
    if (isLocal()) {
      return Files.isRegularFile(path()) ? MatchResult.Metadata.builder().setResourceId(resource(false))
          .setSizeBytes(Files.size(path())).setIsReadSeekEfficient(true).build() : null;
    }
    MatchResult match = FileSystems.match(List.of(spec)).get(0);
    return match.status() == MatchResult.Status.OK && !match.metadata().isEmpty() ? match.metadata().get(0) : null;
  }

  /** The reason java.io gives in parentheses at the end of a failure to open a file. */
  private static final java.util.regex.Pattern OPEN_FAILURE = java.util.regex.Pattern.compile("\\(([^()]+)\\)$");

  /**
   * Why a file operation failed, for people: "permission denied", "no such file", the file
   * system's reason, not a Java exception's name.
   */
  public static String reason(Throwable failure) {
    if (failure instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (failure instanceof java.io.FileNotFoundException && failure.getMessage() != null) {
      // java.io's one exception for every failure to open: "/crawl/a.txt (Permission denied)"
      java.util.regex.Matcher why = OPEN_FAILURE.matcher(failure.getMessage());
      return why.find() ? why.group(1).toLowerCase(java.util.Locale.ROOT) : "no such file";
    }
    if (failure instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file stands in the way";
    }
    if (failure instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
  }

  /** Why a listed path cannot be read as a file. */
  public enum Problem {
    /** A folder that cannot be listed, or a path that cannot be looked at. */
    UNREADABLE,
    /** Not a regular file: a FIFO, a socket, a device, a link to nothing or a link loop. */
    NOT_A_FILE
  }

  /**
   * A file a glob matched, and its size; or a path that is not a file to read, and why.
   *
   * @param problem null for a file to read
   * @param why what the problem is, for people (null for a file)
   */
  public record Listed(Location file, long bytes, Problem problem, String why) {
    public Listed(Location file, long bytes) {
      this(file, bytes, null, null);
    }
  }

  /** Every file below this folder, at any depth, in path order (none when there is no such folder). */
  public List<Location> files() throws IOException {
    return filesBelow().stream().map(Listed::file).toList();
  }

  /**
   * The files {@code glob} matches, in path order. A glob {@code <folder>/**} is every file below
   * the folder at any depth, on every file system: Beam's HDFS file system leaves out a folder's
   * own files from {@code **} and lists sub-folders among the files of {@code *}, so there the
   * two listings are joined and the folders taken out.
   */
  public static List<Listed> match(String glob) throws IOException {
    return match(glob, path -> false);
  }

  /**
   * The files {@code glob} matches, as {@link #match(String)}, but never those {@code leftOut} names;
   * on a local disk, links are followed (each folder once) and what cannot be read as a file (a
   * folder that cannot be listed, a FIFO, a link to nothing or a loop) is listed with its problem.
   *
   * @param leftOut whether a path (a local path, or a URI) is left out of the listing
   */
  public static List<Listed> match(String glob, java.util.function.Predicate<String> leftOut) throws IOException {
    if (!isUri(glob) || glob.startsWith("file:")) {
      String local = glob.startsWith("file:") ? localPath(glob).toString() : glob;
      return LocalWalk.match(local, path -> leftOut.test(path.toString()), LocalWalk.FILE_SYSTEM);
    }
    List<Listed> all = new ArrayList<>();
    for (Listed file : matchRemote(glob)) {
      if (!leftOut.test(file.file().spec())) {
        all.add(file);
      }
    }
    return all;
  }

  /**
   * Each entry {@link #match(String, java.util.function.Predicate)} would list, in no set order, as
   * the listing goes: on a local disk nothing per file is held (the driver walks a crawl of any size
   * this way); another file system's listing (Beam's {@code FileSystems.match}) is held whole while
   * it is handed on.
   */
  public static void forEach(String glob, java.util.function.Predicate<String> leftOut,
      java.util.function.Consumer<Listed> each) throws IOException {
    if (!isUri(glob) || glob.startsWith("file:")) {
      String local = glob.startsWith("file:") ? localPath(glob).toString() : glob;
      LocalWalk.walk(local, path -> leftOut.test(path.toString()), LocalWalk.FILE_SYSTEM, each);
      return;
    }
    matchRemote(glob).stream().filter(file -> !leftOut.test(file.file().spec())).forEach(each);
  }

  private static List<Listed> matchRemote(String glob) throws IOException {
    String folder = glob.replaceAll("/\\*\\*$", "");
    if (glob.endsWith("/**") && !folder.matches(".*[*?\\[{].*")) {
      return of(folder).filesBelow();
    }
    List<Listed> files = new ArrayList<>();
    for (MatchResult.Metadata file : FileSystems.match(glob, EmptyMatchTreatment.ALLOW).metadata()) {
      files.add(new Listed(of(file.resourceId().toString()), file.sizeBytes()));
    }
    files.sort(Comparator.comparing(listed -> listed.file().spec()));
    return files;
  }

  private List<Listed> filesBelow() throws IOException {
    List<Listed> files = new ArrayList<>();
    if (isLocal()) {
      if (Files.isDirectory(path())) {
        try (Stream<Path> paths = Files.walk(path())) {
          for (Path file : paths.filter(Files::isRegularFile).toList()) {
            files.add(new Listed(of(file), Files.size(file)));
          }
        }
      }
    } else {
      java.util.Map<String, Listed> found = new java.util.TreeMap<>();
      for (MatchResult.Metadata file : FileSystems.match(spec + "/**", EmptyMatchTreatment.ALLOW).metadata()) {
        found.put(of(file.resourceId().toString()).spec, new Listed(of(file.resourceId().toString()), file.sizeBytes()));
      }
      // The folders directly inside: the first names of the deeper files' paths.
      java.util.Set<String> subFolders = new java.util.HashSet<>();
      for (String file : found.keySet()) {
        String below = relativize(new Location(file));
        if (below != null && below.contains("/")) {
          subFolders.add(below.substring(0, below.indexOf('/')));
        }
      }
      for (MatchResult.Metadata entry : FileSystems.match(spec + "/*", EmptyMatchTreatment.ALLOW).metadata()) {
        Location child = of(entry.resourceId().toString());
        boolean folder = subFolders.contains(child.name()) || entry.sizeBytes() == 0 && !child.isReadable();
        if (!folder) {
          found.putIfAbsent(child.spec, new Listed(child, entry.sizeBytes()));
        }
      }
      files.addAll(found.values());
    }
    files.sort(Comparator.comparing(listed -> listed.file().spec()));
    return files;
  }

  /** Whether this opens as a file (an empty folder, listed like an empty file on HDFS, does not). */
  private boolean isReadable() {
    try (InputStream in = open()) {
      return true;
    } catch (IOException notAFile) {
      return false;
    }
  }

  public String readString() throws IOException {
    try (InputStream in = open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public void writeString(String text) throws IOException {
    try (OutputStream out = create()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Whether {@link #replaceWith} replaces a file in one write that readers see whole or not at all
   * (an object store's PUT); elsewhere a file is written beside its target and renamed over it.
   */
  public boolean replacesInOneWrite() {
    return spec.startsWith("s3://");
  }

  /**
   * Replaces this small file with {@code text} in one write, where {@link #replacesInOneWrite}:
   * on S3 one PUT of the whole object (Beam's file system would write it as a multipart upload).
   */
  public void replaceWith(String text) throws IOException {
    if (!replacesInOneWrite()) {
      throw new IllegalStateException(spec + " is not replaced in one write; write it beside and rename it");
    }
    if (storeOptions == null) {
      throw new IllegalStateException("no options to reach " + spec + " with (Location.useOptions)");
    }
    S3Objects.put(spec, text.getBytes(StandardCharsets.UTF_8), storeOptions);
  }

  /** The run's options, for what pagefeed does on a store beside Beam's file systems (see {@link #useOptions}). */
  private static volatile org.apache.beam.sdk.options.PipelineOptions storeOptions;

  /**
   * Sets the options stores are reached with (an object store's endpoint, region, credentials),
   * as {@link FileSystems#setDefaultPipelineOptions} does for Beam's file systems.
   */
  public static void useOptions(org.apache.beam.sdk.options.PipelineOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    storeOptions = options;
  }

  /** Removes the file; a missing file is fine. */
  public void delete() throws IOException {
    FileSystems.delete(List.of(resource(false)), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** Removes the folder and everything below it; a missing folder is fine. */
  public void deleteTree() throws IOException {
    if (isLocal()) {
      if (!Files.exists(path())) {
        return;
      }
      try (Stream<Path> paths = Files.walk(path())) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      return;
    }
    List<ResourceId> files = new ArrayList<>();
    for (Location file : files()) {
      files.add(file.resource(false));
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    deleteFolders(spec);
  }

  /**
   * Removes a folder whose files are gone, and the folders in it, deepest first: a file system's
   * delete of a folder is not recursive, and Beam lists what is left of one (on HDFS, the folders)
   * under {@code <folder>/*}. Where folders are only names (object stores) nothing is left.
   */
  private static void deleteFolders(String folder) throws IOException {
    for (MatchResult.Metadata left : FileSystems.match(folder + "/*", EmptyMatchTreatment.ALLOW).metadata()) {
      deleteFolders(left.resourceId().toString());
    }
    FileSystems.delete(List.of(FileSystems.matchNewResource(folder, true)),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /**
   * Renames this file to {@code target}, replacing it: atomic on a local disk; elsewhere as the
   * file system renames (on HDFS the target is removed first, then the file renamed).
   */
  public void renameTo(Location target) throws IOException {
    if (isLocal() && target.isLocal()) {
      Files.move(path(), target.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    FileSystems.rename(List.of(resource(false)), List.of(target.resource(false)));
  }

  /** Copies this file to {@code target}: a hard link on a local disk where it can, a copy elsewhere. */
  public void copyTo(Location target) throws IOException {
    if (isLocal() && target.isLocal()) {
      Files.createDirectories(target.path().getParent());
      try {
        Files.createLink(target.path(), path());
        return;
      } catch (UnsupportedOperationException | IOException noHardLinks) {
        Files.copy(path(), target.path(), StandardCopyOption.REPLACE_EXISTING);
        return;
      }
    }
    FileSystems.copy(List.of(resource(false)), List.of(target.resource(false)));
  }

  /** {@link #exists}, with a failure to ask as an unchecked exception. */
  public boolean existsUnchecked() {
    try {
      return exists();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + spec, e);
    }
  }

  @Override
  public String toString() {
    return spec;
  }
}

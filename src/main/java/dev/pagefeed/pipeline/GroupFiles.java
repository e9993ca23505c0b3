package dev.pagefeed.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.pagefeed.run.SourceKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import dev.pagefeed.files.Location;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Lists the input files and groups them, by a hash of their path, into about
 * {@link #FILES_PER_GROUP} per group: the unit the next step processes. Not one element per file:
 * a runner such as the DirectRunner spends tens of milliseconds of bookkeeping per bundle, which
 * dwarfs a page's own work. The listing hands the files to the grouping in batches of one group's
 * files ({@link #BATCH_FILES}), not one by one: grouping costs the DirectRunner about as much per
 * element as a small file's reading.
 */
public final class GroupFiles
    extends PTransform<PBegin, PCollection<KV<Integer, Iterable<List<GroupFiles.FileRef>>>>> {

  private final List<SourceKeys.Root> roots;
  private final Location output;
  private final int groups;

  /**
   * @param roots the file globs to read, with the roots their files' source keys are taken below
   * @param groups how many groups the files are read in (see {@link #groupsFor})
   */
  public GroupFiles(List<SourceKeys.Root> roots, Location output, int groups) {
    this.roots = List.copyOf(roots);
    this.output = output;
    this.groups = groups;
  }

  @Override
  public PCollection<KV<Integer, Iterable<List<FileRef>>>> expand(PBegin begin) {
    return begin
        .apply("ListPatterns", Create.of(roots).withCoder(SerializableCoder.of(SourceKeys.Root.class)))
        // Not FileIO.matchAll: it reshuffles the files one key each, and the DirectRunner then
        // sets up a bundle per file before they are grouped.
        .apply("ListFiles", ParDo.of(new ListFilesFn(output, groups)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ListCoder.of(new FileRefCoder())))
        .apply("GroupByHash", GroupByKey.create());
  }

  /**
   * How many groups to read {@code files} files of {@code bytes} in all: about
   * {@link #FILES_PER_GROUP} files or {@link #BYTES_PER_GROUP} each, whichever gives more groups.
   */
  public static int groupsFor(long files, long bytes) {
    long byFiles = (files + FILES_PER_GROUP - 1) / FILES_PER_GROUP;
    long byBytes = (bytes + BYTES_PER_GROUP - 1) / BYTES_PER_GROUP;
    return (int) Math.max(1, Math.min(MAX_GROUPS, Math.max(byFiles, Math.min(byBytes, files))));
  }

  /**
   * Files per group: enough to amortise a bundle, whose bookkeeping on the DirectRunner (tens of
   * milliseconds) is more than a small page's work. Measured on 100,000 pages of 400 bytes: groups
   * of 1,000 take a full run from 38 s to 26 s and a 1%-changed rerun from 20 s to 16 s against
   * groups of 250.
   */
  static final int FILES_PER_GROUP = 1000;

  /**
   * Input bytes per group, so that groups of large pages stay small enough to spread over the
   * workers and to bound what a worker holds of a group (its file list, one page at a time).
   */
  static final long BYTES_PER_GROUP = 4L << 20;

  static final int MAX_GROUPS = 4096;

  /** The most files of one group the listing hands on at once. */
  static final int BATCH_FILES = 256;

  /**
   * The most files the listing holds in its unfinished batches: past it, every batch is handed on,
   * so that a listing's memory stays bounded however many groups there are.
   */
  static final int HELD_FILES = 1 << 16;

  /**
   * A listed file: its path and size, as the listing gave them (so that reading needs no second
   * look at the file system), and its source key.
   *
   * @param path the file's resource id, where it is read
   * @param source the path its records name ({@code source.path}, see {@link SourceKeys.Root#pathOf})
   * @param key its source key (see {@link SourceKeys})
   * @param bytes its size
   * @param problem why it cannot be read as a file (see {@link Location.Problem}), or null
   * @param why the problem, for people, or null
   */
  public record FileRef(String path, String source, String key, long bytes, Location.Problem problem, String why)
      implements java.io.Serializable {

    public FileRef(String path, String source, String key, long bytes) {
      this(path, source, key, bytes, null, null);
    }
  }

  /** FileRef's coder: path, key and size, not Java serialization (which grouping used to spend most on). */
  static final class FileRefCoder extends AtomicCoder<FileRef> {
    private static final StringUtf8Coder PATH = StringUtf8Coder.of();
    private static final VarLongCoder BYTES = VarLongCoder.of();

    @Override
    public void encode(FileRef file, OutputStream out) throws IOException {
      PATH.encode(file.path(), out);
      PATH.encode(file.source(), out);
      PATH.encode(file.key(), out);
      BYTES.encode(file.bytes(), out);
      PATH.encode(file.problem() == null ? "" : file.problem().name(), out);
      PATH.encode(file.why() == null ? "" : file.why(), out);
    }

    @Override
    public FileRef decode(InputStream in) throws IOException {
      String path = PATH.decode(in);
      String source = PATH.decode(in);
      String key = PATH.decode(in);
      long bytes = BYTES.decode(in);
      String problem = PATH.decode(in);
      String why = PATH.decode(in);
      return new FileRef(path, source, key, bytes, problem.isEmpty() ? null : Location.Problem.valueOf(problem),
          why.isEmpty() ? null : why);
    }
  }

  /**
   * Lists the files a glob matches, each keyed by a hash of its path, so that groups do not
   * depend on listing order; hands them on in batches of one group's files.
   */
  static final class ListFilesFn extends DoFn<SourceKeys.Root, KV<Integer, List<FileRef>>> {
    private final Location output;
    private final int groups;

    ListFilesFn(Location output, int groups) {
      this.output = output;
      this.groups = groups;
    }

    @ProcessElement
    public void process(@Element SourceKeys.Root root, OutputReceiver<KV<Integer, List<FileRef>>> out)
        throws IOException {
      Batches batches = new Batches(groups, out);
      Location.forEach(root.pattern(), dev.pagefeed.run.OutputCommitter.ownFiles(output), file -> {
        String path = file.file().spec();
        // By path alone, so that a file two roots list falls into one group, where it is read once.
        batches.add(Math.floorMod(path.hashCode(), groups),
            new FileRef(path, root.pathOf(path), root.keyOf(path), file.bytes(), file.problem(), file.why()));
      });
      batches.handOnAll();
    }
  }

  /** The listing's unfinished batches, one per group. */
  static final class Batches {
    private final List<List<FileRef>> open = new ArrayList<>();
    private final DoFn.OutputReceiver<KV<Integer, List<FileRef>>> out;
    private int held;

    Batches(int groups, DoFn.OutputReceiver<KV<Integer, List<FileRef>>> out) {
      for (int i = 0; i < groups; i++) {
        open.add(new ArrayList<>());
      }
      this.out = out;
    }

    void add(int group, FileRef file) {
      List<FileRef> batch = open.get(group);
      batch.add(file);
      held++;
      if (batch.size() >= BATCH_FILES) {
        handOn(group);
      } else if (held >= HELD_FILES) {
        handOnAll();
      }
    }

    void handOnAll() {
      for (int group = 0; group < open.size(); group++) {
        handOn(group);
      }
    }

    private void handOn(int group) {
      List<FileRef> batch = open.get(group);
      if (!batch.isEmpty()) {
        out.output(KV.of(group, List.copyOf(batch)));
        held -= batch.size();
        batch.clear();
      }
    }
  }
}

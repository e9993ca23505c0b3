package dev.pagefeed.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.pagefeed.files.Location;

/**
 * An exclusive lock on an output folder for the length of a run, so that two runs never write
 * into the same output at once. On a local disk it is an operating-system file lock on
 * {@code output/.lock}: a run that dies, even by {@code kill -9}, releases it. Other file systems
 * (HDFS, object stores) have no such lock: there the lock holds nothing, the commit refuses to
 * switch when another run became current meanwhile, and the README says how to keep runs apart.
 */
final class OutputLock implements AutoCloseable {

  /** Another run holds the lock. */
  static final class HeldElsewhere extends Exception {
    HeldElsewhere(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static OutputLock acquire(Location output) throws HeldElsewhere {
    if (!output.isLocal()) {
      return new OutputLock(null, null);
    }
    Path file = output.path().resolve(dev.pagefeed.run.OutputCommitter.LOCK);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new HeldElsewhere("another pagefeed run is writing into " + output
            + "; wait for it to finish, or pass another folder with --output");
      }
      return new OutputLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the output lock", e);
    }
  }
}

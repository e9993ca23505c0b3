package dev.pagefeed.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Why a file operation failed, in words for people, whichever of Java's exceptions said it. */
class LocationTest {

  @Test
  void reasonsAreWordsNotExceptionNames() {
    assertEquals("permission denied", Location.reason(new AccessDeniedException("/crawl/a.txt")));
    assertEquals("permission denied", Location.reason(new FileNotFoundException("/crawl/a.txt (Permission denied)")));
    assertEquals("no such file or directory",
        Location.reason(new FileNotFoundException("/crawl/a.txt (No such file or directory)")));
    assertEquals("no such file", Location.reason(new FileNotFoundException("/crawl/a.txt")));
    assertEquals("no such file", Location.reason(new NoSuchFileException("/crawl/a.txt")));
    assertEquals("stale file handle", Location.reason(new FileSystemException("/crawl", null, "Stale file handle")));
    assertEquals("disk quota exceeded", Location.reason(new IOException("disk quota exceeded")));
  }
}

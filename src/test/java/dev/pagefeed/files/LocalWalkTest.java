package dev.pagefeed.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local listing with a folder that cannot be listed (a root-only {@code lost+found} on a mount
 * point): a test double of the listing stands in for the permission, which root does not feel.
 */
class LocalWalkTest {

  @TempDir Path temp;

  @Test
  void aFolderThatCannotBeListedIsAnUnreadableLineAndTheRestIsRead() throws IOException {
    Files.writeString(temp.resolve("a.txt"), "标题\n正文。");
    Path locked = Files.createDirectories(temp.resolve("lost+found"));
    Files.writeString(locked.resolve("hidden.txt"), "不可见");
    Files.writeString(Files.createDirectories(temp.resolve("z")).resolve("b.txt"), "标题\n正文。");
    LocalWalk.Folders rootOnly = folder -> {
      if (folder.equals(locked)) {
        throw new AccessDeniedException(folder.toString());
      }
      return Files.newDirectoryStream(folder);
    };
    List<Location.Listed> listed = LocalWalk.match(temp.toString(), path -> false, rootOnly);
    assertEquals(3, listed.size(), listed.toString());
    assertNull(listed.get(0).problem());
    Location.Listed lost = listed.get(1);
    assertEquals(locked.toString(), lost.file().spec());
    assertEquals(Location.Problem.UNREADABLE, lost.problem());
    assertTrue(lost.why().contains("cannot be listed (permission denied)"), lost.why());
    assertEquals(temp.resolve("z/b.txt").toString(), listed.get(2).file().spec());
    assertNull(listed.get(2).problem());
  }

  @Test
  void aFolderWhoseListingBreaksOffSaysSoAndKeepsWhatItListed() throws IOException {
    Path crawl = Files.createDirectories(temp.resolve("crawl"));
    for (String name : List.of("1.txt", "2.txt", "3.txt")) {
      Files.writeString(crawl.resolve(name), "标题\n正文。");
    }
    // A network mount that drops after the first entry: the stream's iterator throws, as the JDK's does.
    LocalWalk.Folders dropping = folder -> {
      java.nio.file.DirectoryStream<Path> real = Files.newDirectoryStream(folder);
      if (!folder.equals(crawl)) {
        return real;
      }
      return new java.nio.file.DirectoryStream<>() {
        @Override
        public java.util.Iterator<Path> iterator() {
          java.util.Iterator<Path> entries = real.iterator();
          return new java.util.Iterator<>() {
            int handed;

            @Override
            public boolean hasNext() {
              if (handed == 1) {
                throw new java.nio.file.DirectoryIteratorException(
                    new java.nio.file.FileSystemException(folder.toString(), null, "Stale file handle"));
              }
              return entries.hasNext();
            }

            @Override
            public Path next() {
              handed++;
              return entries.next();
            }
          };
        }

        @Override
        public void close() throws IOException {
          real.close();
        }
      };
    };
    List<Location.Listed> listed = LocalWalk.match(temp.toString(), path -> false, dropping);
    assertEquals(2, listed.size(), listed.toString());
    Location.Listed file = listed.get(0).problem() == null ? listed.get(0) : listed.get(1);
    Location.Listed broken = listed.get(0).problem() == null ? listed.get(1) : listed.get(0);
    assertTrue(file.file().spec().startsWith(crawl + "/"), file.toString());
    assertEquals(crawl.toString(), broken.file().spec());
    assertEquals(Location.Problem.UNREADABLE, broken.problem());
    assertEquals("the folder could not be listed to its end (stale file handle), so some of its files are not read",
        broken.why());
  }

  @Test
  void theWalkHandsOnWhatTheListingLists() throws IOException {
    Files.writeString(temp.resolve("a.txt"), "标题\n正文。");
    Path deep = Files.createDirectories(temp.resolve("x/y"));
    Files.writeString(deep.resolve("b.html"), "<p>正文</p>");
    Files.writeString(deep.resolve("c.txt"), "正文");
    Files.createSymbolicLink(temp.resolve("x/loop"), temp); // a loop: one problem line
    Files.createSymbolicLink(temp.resolve("gone"), temp.resolve("nowhere")); // a link to nothing
    Files.createSymbolicLink(temp.resolve("again"), deep); // the same folder twice
    Files.createDirectories(temp.resolve("out"));
    Files.writeString(temp.resolve("out/pages.jsonl"), "{}");
    java.util.function.Predicate<Path> output = path -> path.startsWith(temp.resolve("out"));
    for (String glob : List.of(temp.toString(), temp + "/**", temp + "/**/*.txt", temp + "/x/*/*", temp + "/a.txt",
        temp + "/none/**")) {
      List<Location.Listed> listed = LocalWalk.match(glob, output, LocalWalk.FILE_SYSTEM);
      List<Location.Listed> walked = new java.util.ArrayList<>();
      LocalWalk.walk(glob, output, LocalWalk.FILE_SYSTEM, walked::add);
      walked.sort(java.util.Comparator.comparing(entry -> entry.file().spec()));
      assertEquals(listed, walked, glob);
    }
  }
}

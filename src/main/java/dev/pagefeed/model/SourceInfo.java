package dev.pagefeed.model;

import java.io.Serializable;

/**
 * Where a page came from and how its bytes were read.
 *
 * @param path the input file's path as given to pagefeed (relative to the working folder when
 *     below it)
 * @param key the file's path relative to the {@code --input} root it was found under (a file named
 *     directly: its name), prefixed by the root's name when several roots are read: what a page
 *     without a URL takes its id from
 * @param format {@code text} or {@code html}
 * @param encoding the character set the bytes were decoded with, e.g. {@code UTF-8}
 * @param compression {@code none}, {@code gzip} or {@code bzip2}
 * @param bytes size of the file as stored
 * @param sha256 hex sha256 of the file as stored
 * @param replaced how many stray byte sequences decoding replaced by U+FFFD (warning {@code
 *     decode_replaced}); 0 for a cleanly decoded file
 */
public record SourceInfo(
    String path, String key, String format, String encoding, String compression, long bytes, String sha256, int replaced)
    implements Serializable {}

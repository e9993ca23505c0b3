package dev.pagefeed.io;

import java.io.Serializable;

/**
 * One encoded record on its way to a file.
 *
 * @param sortKey what the file's lines are sorted by (the record id, then the text)
 * @param text the encoded line(s), ending in a line break
 * @param tag a category counted in the manifest (an entity's kind, an error's type), or empty
 */
public record OutputLine(String sortKey, String text, String tag) implements Serializable {}

package dev.pagefeed.extract;

import java.util.List;

/** Finds the entities of one kind in a text. Implementations are stateless and thread-safe. */
public interface Extractor {

  /** Every candidate of this extractor's kind, in text order; they may overlap each other. */
  List<Match> find(Text text);
}

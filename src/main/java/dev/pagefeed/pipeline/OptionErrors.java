package dev.pagefeed.pipeline;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Beam's option parsing speaks of classes and Jackson types ("Cannot deserialize value of type
 * `int`", "Class interface … missing a property"); this says the same in the terms of the command
 * line: which option, what it takes.
 */
final class OptionErrors {

  /** Beam's words for an option no interface declares, with its suggestion when it has one. */
  private static final Pattern UNKNOWN =
      Pattern.compile("missing a property named '([^']+)'\\.(?: Did you mean '([^']+)'\\?)?");

  /** Options that take a list, and so may be given again. */
  private static final java.util.Set<String> REPEATABLE = java.util.Set.of("--input", "--filesToStage", "--experiments");

  private OptionErrors() {}

  /** One line saying what is wrong with {@code args}, as {@code refused} (Beam's refusal) found. */
  static String explain(IllegalArgumentException refused, String[] args) {
    String message = refused.getMessage() == null ? "" : refused.getMessage();
    Matcher unknown = UNKNOWN.matcher(message);
    if (unknown.find()) {
      return "unknown option --" + unknown.group(1)
          + (unknown.group(2) != null ? "; did you mean --" + unknown.group(2) + "?" : "") + " (see --help)";
    }
    if (message.startsWith("expected one element but was")) {
      String repeated = repeated(args);
      if (repeated != null) {
        return repeated;
      }
    }
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFormatException invalid) {
        String value = String.valueOf(invalid.getValue());
        String given = optionGiven(args, value);
        if (value.matches("-?\\d+") && expected(invalid.getTargetType()).equals("a whole number")) {
          return given + " is out of range" + rangeOf(given) + " (see --help)"; // a whole number too large for its type
        }
        return given + " is not " + expected(invalid.getTargetType()) + " (see --help)";
      }
    }
    return message.lines().findFirst().orElse("invalid options") + " (see --help)";
  }

  /** "--output is given 2 times (…); pass it once": the first option {@code args} repeat, or null. */
  private static String repeated(String[] args) {
    java.util.Map<String, java.util.List<String>> given = new java.util.LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        int equals = arg.indexOf('=');
        given.computeIfAbsent(equals < 0 ? arg : arg.substring(0, equals), name -> new java.util.ArrayList<>()).add(arg);
      }
    }
    for (java.util.Map.Entry<String, java.util.List<String>> option : given.entrySet()) {
      if (option.getValue().size() > 1 && !REPEATABLE.contains(option.getKey())) {
        return option.getKey() + " is given " + option.getValue().size() + " times (" + String.join(" ", option.getValue())
            + "); pass it once";
      }
    }
    return null;
  }

  /** "; pass a whole number from 1 to 1024" when {@code given} is an option {@link OptionRanges} knows, else "". */
  private static String rangeOf(String given) {
    for (OptionRanges.Range range : OptionRanges.RANGES) {
      if (given.startsWith("--" + range.name() + "=")) {
        return "; pass a whole number from " + range.min() + " to " + range.max();
      }
    }
    return "";
  }

  /**
   * The argument that gave {@code value} ({@code --name=value}); an option that takes a value given
   * without one ({@code --shards}, which Beam reads as {@code true}); else the value alone.
   */
  private static String optionGiven(String[] args, String value) {
    for (String arg : args) {
      if (arg.startsWith("--") && arg.endsWith("=" + value)) {
        return arg;
      }
    }
    if (value.equals("true")) {
      for (String arg : args) {
        if (arg.startsWith("--") && !arg.contains("=") && takesAValue(arg.substring(2))) {
          return arg + " (given without a value)";
        }
      }
    }
    return "'" + value + "'";
  }

  /** Whether pagefeed's option {@code name} takes a value (is no flag). */
  private static boolean takesAValue(String name) {
    if (name.isEmpty()) {
      return false;
    }
    try {
      Class<?> type = PagefeedOptions.class.getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
          .getReturnType();
      return type != boolean.class && type != Boolean.class;
    } catch (NoSuchMethodException notPagefeeds) {
      return false;
    }
  }

  private static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false (a flag alone, --name, means true)";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    return "a valid " + type.getSimpleName();
  }
}

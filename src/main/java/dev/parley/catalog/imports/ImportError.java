package dev.parley.catalog.imports;

/**
 * One rejected line of an import.
 *
 * @param line the physical line in the file (1 = header)
 * @param message why it was rejected
 */
public record ImportError(int line, String message) implements java.io.Serializable {
}

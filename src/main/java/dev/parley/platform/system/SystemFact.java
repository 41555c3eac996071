package dev.parley.platform.system;

/**
 * One fact about the running system.
 *
 * @param group what it belongs to, e.g. {@code "Server"}
 * @param label what it is, e.g. {@code "Database"}
 * @param value its current value
 */
public record SystemFact(String group, String label, String value) {
}

package dev.parley.rules;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a rule set: a DRL file or a decision table (CSV or XLSX), named by its path under
 * {@code rules/}, e.g. {@code promotions/seasonal.drl}. The folder is the DRL package (or decision table
 * RuleSet).
 *
 * @param name path under {@code rules/}
 * @param kind what the content is
 * @param content the bytes (UTF-8 text for DRL and CSV)
 */
public record RuleResource(String name, ResourceKind kind, byte[] content) {

    /** The largest resource accepted (a decision table with a few thousand rows fits comfortably). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.(drl|csv|xlsx)");

    /** What a resource holds. */
    public enum ResourceKind {
        /** A DRL file. */
        DRL("drl"),
        /** A decision table as CSV. */
        DECISION_TABLE_CSV("decision-table-csv"),
        /** A decision table as an Excel workbook. */
        DECISION_TABLE_XLSX("decision-table-xlsx");

        private final String wireName;

        ResourceKind(String wireName) {
            this.wireName = wireName;
        }

        /** The name in the API ({@code drl}, {@code decision-table-csv}, {@code decision-table-xlsx}). */
        public String wireName() {
            return wireName;
        }

        /** Whether the content is text (shown and edited as such). */
        public boolean isText() {
            return this != DECISION_TABLE_XLSX;
        }

        /** The kind a file name implies. */
        public static ResourceKind ofName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".drl")) {
                return DRL;
            }
            if (lower.endsWith(".csv")) {
                return DECISION_TABLE_CSV;
            }
            if (lower.endsWith(".xlsx")) {
                return DECISION_TABLE_XLSX;
            }
            throw new DomainException(Kind.INVALID, "bad-rule-name",
                    "A rule file name ends in .drl, .csv or .xlsx: " + name);
        }

        /** The kind for an API wire name. */
        public static ResourceKind ofWireName(String wire) {
            for (ResourceKind k : values()) {
                if (k.wireName.equals(wire)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown rule resource kind " + wire);
        }
    }

    public RuleResource {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(content);
    }

    /** A resource named {@code name} (validated) whose kind follows from its extension. */
    public static RuleResource of(String name, byte[] content) {
        String checked = checkName(name);
        if (content.length > MAX_BYTES) {
            throw new DomainException(Kind.INVALID, "rule-too-large",
                    "A rule file may be at most " + MAX_BYTES + " bytes.");
        }
        return new RuleResource(checked, ResourceKind.ofName(checked), content);
    }

    /** A text resource. */
    public static RuleResource ofText(String name, String text) {
        return of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The name if it is a valid rule path: lower-case letters, digits, '-' and '_' in folders and file name,
     * ending in .drl, .csv or .xlsx.
     */
    public static String checkName(String name) {
        if (name == null || name.length() > 200 || !NAME.matcher(name).matches()) {
            throw new DomainException(Kind.INVALID, "bad-rule-name", "A rule file name is a path such as "
                    + "'promotions/winter-sale.drl': lower-case letters, digits, '-' and '_', folders separated "
                    + "by '/', ending in .drl, .csv or .xlsx (at most 200 characters).");
        }
        return name;
    }

    /** The folder, which is the DRL package (dots for slashes); empty at the top level. */
    public String folderPackage() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
    }

    /** The content as text (UTF-8), for text kinds. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The content as the API carries it: the text itself, or Base64 for a workbook. */
    public String wireContent() {
        return kind.isText() ? text() : Base64.getEncoder().encodeToString(content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleResource r && r.name.equals(name) && r.kind == kind && Arrays.equals(r.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "RuleResource[" + name + ", " + content.length + " bytes]";
    }
}

package dev.parley.catalog.imports;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import java.util.Arrays;
import java.util.Locale;

/** The files a catalog import reads. */
public enum ImportFormat {
    /** A Shopify product CSV export. */
    SHOPIFY_CSV("shopify", "Shopify product CSV"),
    /** A Google Merchant Center product feed, tab-separated. */
    MERCHANT_TSV("merchant", "Google Merchant Center feed (TSV)"),
    /** Localised titles and descriptions: handle, locale, title, description. */
    TRANSLATIONS_CSV("translations", "Translations CSV");

    private final String code;
    private final String label;

    ImportFormat(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The name used in the API ({@code format=merchant}). */
    public String code() {
        return code;
    }

    /** A name for people. */
    public String label() {
        return label;
    }

    /** The format with this API name; a clear 400 otherwise. */
    public static ImportFormat parse(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code == null ? "" : code.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new DomainException(Kind.INVALID, "invalid-import-format",
                        "format is 'shopify', 'merchant' or 'translations', not '" + code + "'."));
    }
}

package dev.parley.catalog.imports;

import dev.parley.catalog.ProductDraft;
import dev.parley.catalog.VariantDraft;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Shopify product CSV export one product at a time. Shopify writes a product as consecutive rows
 * with the same {@code Handle}: the first carries the product's fields and first variant, the following
 * ones more variants (or only more images). Every column of the 46-column export is accepted; the ones
 * Parley uses are named below, the rest are ignored. Rejected rows are reported by line and skipped.
 */
public final class ShopifyProductCsv implements ProductFeed {

    static final String HANDLE = "Handle";
    static final String TITLE = "Title";
    static final String BODY = "Body (HTML)";
    static final String VENDOR = "Vendor";
    static final String TYPE = "Type";
    static final String TAGS = "Tags";
    static final String PUBLISHED = "Published";
    static final String STATUS = "Status";
    static final String SKU = "Variant SKU";
    static final String GRAMS = "Variant Grams";
    static final String QTY = "Variant Inventory Qty";
    static final String PRICE = "Variant Price";
    static final String COMPARE_AT = "Variant Compare At Price";
    static final String BARCODE = "Variant Barcode";
    static final String IMAGE = "Image Src";
    static final String VARIANT_IMAGE = "Variant Image";
    static final String GENDER = "Google Shopping / Gender";
    static final String GOOGLE_CATEGORY = "Google Shopping / Google Product Category";
    static final String PRODUCT_CATEGORY = "Product Category";

    private final CsvRecords records;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<ImportError> strayErrors = new ArrayList<>();
    private CsvRecords.Row lookahead;

    /** Opens the CSV and checks its header; a file that is not a product CSV is refused whole. */
    public ShopifyProductCsv(Reader reader) {
        this.records = new CsvRecords(reader);
        CsvRecords.Row header = records.next();
        if (header == null || header.malformed()) {
            throw new DomainException(Kind.INVALID, "not-a-product-csv",
                    "The file is empty or its header row is not valid CSV.");
        }
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(header.fields().get(i).strip(), i);
        }
        for (String required : List.of(HANDLE, TITLE, PRICE)) {
            if (!columns.containsKey(required)) {
                throw new DomainException(Kind.INVALID, "not-a-product-csv",
                        "Not a Shopify product CSV: the header has no '" + required + "' column.");
            }
        }
        records.expectFields(header.fields().size());
    }

    @Override
    public List<ImportError> drainStrayErrors() {
        List<ImportError> drained = List.copyOf(strayErrors);
        strayErrors.clear();
        return drained;
    }

    @Override
    public ProductGroup next() {
        String handle = null;
        List<CsvRecords.Row> rows = new ArrayList<>();
        while (true) {
            CsvRecords.Row row = lookahead != null ? lookahead : records.next();
            lookahead = null;
            if (row == null) {
                return rows.isEmpty() ? null : build(handle, rows);
            }
            if (row.malformed()) {
                strayErrors.add(new ImportError(row.line(), "Not a valid CSV row: " + row.error() + "."));
                continue;
            }
            String rowHandle = get(row, HANDLE);
            if (rowHandle.isEmpty()) {
                strayErrors.add(new ImportError(row.line(), "Handle is empty."));
                continue;
            }
            if (handle == null) {
                handle = rowHandle;
            } else if (!handle.equals(rowHandle)) {
                lookahead = row;
                return build(handle, rows);
            }
            rows.add(row);
        }
    }

    private ProductGroup build(String handle, List<CsvRecords.Row> rows) {
        List<ImportError> errors = new ArrayList<>();
        CsvRecords.Row head = rows.stream().filter(r -> !get(r, TITLE).isEmpty()).findFirst().orElse(rows.get(0));
        List<String> optionNames = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = get(head, "Option" + i + " Name");
            if (!name.isEmpty()) {
                optionNames.add(name);
            }
        }
        boolean defaultTitle = optionNames.equals(List.of("Title"));
        if (defaultTitle) {
            optionNames.clear();
        }
        String image = null;
        List<VariantDraft> variants = new ArrayList<>();
        Set<List<String>> seenOptions = new HashSet<>();
        for (CsvRecords.Row row : rows) {
            if (image == null && !get(row, IMAGE).isEmpty()) {
                image = get(row, IMAGE);
            }
            if (!isVariantRow(row)) {
                continue;
            }
            try {
                VariantDraft v = variant(row, optionNames.size(), defaultTitle);
                if (!seenOptions.add(v.options())) {
                    throw new RowException("Another row of '" + handle + "' has the same options "
                            + String.join(" / ", v.options()).strip() + ".");
                }
                variants.add(v);
            } catch (RowException e) {
                errors.add(new ImportError(row.line(), e.getMessage()));
            }
        }
        String title = get(head, TITLE);
        ProductDraft draft = variants.isEmpty() && title.isEmpty() ? null : new ProductDraft(handle,
                title.isEmpty() ? null : title, blankToNull(get(head, BODY)), blankToNull(get(head, VENDOR)),
                blankToNull(get(head, TYPE)), category(head), gender(get(head, GENDER)), tags(get(head, TAGS)),
                optionNames, image, status(head), variants);
        return new ProductGroup(handle, rows.get(0).line(), draft, errors);
    }

    private boolean isVariantRow(CsvRecords.Row row) {
        return !get(row, "Option1 Value").isEmpty() || !get(row, SKU).isEmpty() || !get(row, PRICE).isEmpty();
    }

    private VariantDraft variant(CsvRecords.Row row, int optionCount, boolean defaultTitle) throws RowException {
        List<String> options = new ArrayList<>(List.of("", "", ""));
        if (!defaultTitle) {
            for (int i = 0; i < 3; i++) {
                options.set(i, get(row, "Option" + (i + 1) + " Value"));
            }
        }
        String priceText = get(row, PRICE);
        if (priceText.isEmpty()) {
            throw new RowException("Variant Price is missing.");
        }
        BigDecimal price = money(priceText, PRICE);
        String compareText = get(row, COMPARE_AT);
        BigDecimal compareAt = compareText.isEmpty() ? null : money(compareText, COMPARE_AT);
        Integer onHand = null;
        String qty = get(row, QTY);
        if (!qty.isEmpty()) {
            try {
                onHand = Integer.valueOf(qty);
            } catch (NumberFormatException e) {
                throw new RowException(QTY + " '" + qty + "' is not a whole number.");
            }
            if (onHand < 0) {
                throw new RowException(QTY + " " + onHand + " is negative; stock cannot be below zero.");
            }
        }
        String sku = get(row, SKU);
        if (sku.length() > 128) {
            throw new RowException("Variant SKU is longer than 128 characters.");
        }
        return new VariantDraft(row.line(), sku.isEmpty() ? null : sku, options, price, compareAt, onHand,
                grams(get(row, GRAMS)), blankToNull(get(row, BARCODE)), blankToNull(get(row, VARIANT_IMAGE)));
    }

    private static BigDecimal money(String text, String column) throws RowException {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RowException(column + " '" + text + "' is not a number.");
        }
        if (value.signum() < 0) {
            throw new RowException(column + " " + text + " is negative.");
        }
        if (value.scale() > 2 || value.precision() - value.scale() > 10) {
            throw new RowException(column + " " + text + " is not an amount with at most two decimals.");
        }
        return value.setScale(2);
    }

    private static Integer grams(String text) {
        try {
            return text.isEmpty() ? null : (int) Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String category(CsvRecords.Row row) {
        String google = get(row, GOOGLE_CATEGORY);
        return blankToNull(google.isEmpty() ? get(row, PRODUCT_CATEGORY) : google);
    }

    private String status(CsvRecords.Row row) {
        String status = get(row, STATUS).toLowerCase(Locale.ROOT);
        if (status.equals("active") || status.equals("draft") || status.equals("archived")) {
            return status;
        }
        return get(row, PUBLISHED).equalsIgnoreCase("false") ? "draft" : "active";
    }

    static String gender(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "male", "men", "man", "mens" -> "male";
            case "female", "women", "woman", "womens" -> "female";
            case "unisex" -> "unisex";
            default -> null;
        };
    }

    static List<String> tags(String value) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : value.split(",")) {
            String t = tag.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && t.length() <= 255) {
                tags.add(t);
            }
        }
        return List.copyOf(tags);
    }

    private String get(CsvRecords.Row row, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.fields().size()) {
            return "";
        }
        return row.fields().get(index).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public void close() {
        records.close();
    }

    /** A row-level rejection. */
    private static final class RowException extends Exception {
        RowException(String message) {
            super(message, null, false, false);
        }
    }
}

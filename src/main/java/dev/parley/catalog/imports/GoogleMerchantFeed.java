package dev.parley.catalog.imports;

import dev.parley.catalog.ProductDraft;
import dev.parley.catalog.VariantDraft;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Google Merchant Center product feed (tab-separated, one item per row, a header of Google attribute
 * names such as {@code id}, {@code title}, {@code price}, {@code item_group_id}) one product at a time.
 * Consecutive items with the same {@code item_group_id} become the variants of one product; an item without
 * one is a product of its own. Header names match case-insensitively and in the spaced form
 * ({@code image link}); unknown columns are ignored. Rejected rows are reported by line and skipped.
 */
public final class GoogleMerchantFeed implements ProductFeed {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String IMAGE = "image_link";
    static final String AVAILABILITY = "availability";
    static final String PRICE = "price";
    static final String SALE_PRICE = "sale_price";
    static final String BRAND = "brand";
    static final String GTIN = "gtin";
    static final String CONDITION = "condition";
    static final String GOOGLE_CATEGORY = "google_product_category";
    static final String PRODUCT_TYPE = "product_type";
    static final String GROUP = "item_group_id";
    static final String GENDER = "gender";
    static final String AGE_GROUP = "age_group";
    static final String SHIPPING_WEIGHT = "shipping_weight";
    static final String QUANTITY = "quantity";
    static final String SELL_ON_GOOGLE_QUANTITY = "sell_on_google_quantity";
    static final String MATERIAL = "material";
    static final String PATTERN = "pattern";

    /** The attributes variants of a group may differ by, in option order, with their option names. */
    private static final List<String> VARIANT_ATTRIBUTES = List.of("color", "size", MATERIAL, PATTERN);
    private static final List<String> OPTION_NAMES = List.of("Color", "Size", "Material", "Pattern");
    /** Colour and size: the only options of an item without a group. */
    private static final int SINGLE_ITEM_ATTRIBUTES = 0b0011;

    private static final int MAX_HANDLE = 255;
    private static final int MAX_SKU = 128;
    private static final int MAX_OPTION_VALUE = 255;

    private static final Pattern MONEY = Pattern.compile("(?:([A-Za-z]{3})\\s*)?([-+]?[0-9][0-9.,]*)\\s*([A-Za-z]{3})?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?");
    private static final Pattern WEIGHT = Pattern.compile("([0-9][0-9.,]*)\\s*(g|kg|lb|lbs|oz)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** The first appearance of an item group: which variant attributes its items had. */
    private record Group(String groupId, int line, int attributes) {
    }

    private final CsvRecords records;
    private final String storeCurrency;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<ImportError> strayErrors = new ArrayList<>();
    /** Item groups already read, by handle, so a group listed again later keeps its options. */
    private final Map<String, Group> groups = new HashMap<>();
    private CsvRecords.Row lookahead;

    /**
     * Opens the feed and checks its header; a file that is not a product feed is refused whole.
     *
     * @param reader the tab-separated feed
     * @param storeCurrency the store's ISO 4217 currency; prices in any other currency are rejected
     */
    public GoogleMerchantFeed(Reader reader, String storeCurrency) {
        this.storeCurrency = Objects.requireNonNull(storeCurrency, "storeCurrency").strip().toUpperCase(Locale.ROOT);
        if (!this.storeCurrency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: '" + storeCurrency + "'");
        }
        this.records = new CsvRecords(reader, '\t');
        CsvRecords.Row header = records.next();
        if (header == null || header.malformed()) {
            throw new DomainException(Kind.INVALID, "not-a-product-feed",
                    "The file is empty or its header row is not valid tab-separated text.");
        }
        for (int i = 0; i < header.fields().size(); i++) {
            columns.putIfAbsent(attribute(header.fields().get(i)), i);
        }
        for (String required : List.of(ID, TITLE, PRICE)) {
            if (!columns.containsKey(required)) {
                String hint = header.fields().size() == 1 && header.fields().get(0).contains(",")
                        ? " (the header is not tab-separated; export the feed as TSV)" : "";
                throw new DomainException(Kind.INVALID, "not-a-product-feed",
                        "Not a Google Merchant Center feed: the header has no '" + required + "' column" + hint + ".");
            }
        }
        records.expectFields(header.fields().size());
    }

    /** A header name as a Google attribute name: "Image Link" and "g:image_link" are "image_link". */
    static String attribute(String header) {
        String name = header.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("g:")) {
            name = name.substring(2);
        }
        return name.replaceAll("[\\s-]+", "_");
    }

    @Override
    public List<ImportError> drainStrayErrors() {
        List<ImportError> drained = List.copyOf(strayErrors);
        strayErrors.clear();
        return drained;
    }

    @Override
    public ProductGroup next() {
        String groupId = null;
        List<CsvRecords.Row> rows = new ArrayList<>();
        while (true) {
            CsvRecords.Row row = lookahead != null ? lookahead : records.next();
            lookahead = null;
            if (row == null) {
                return rows.isEmpty() ? null : build(groupId, rows);
            }
            if (row.malformed()) {
                strayErrors.add(new ImportError(row.line(), "Not a valid feed row: " + row.error() + "."));
                continue;
            }
            if (get(row, ID).isEmpty()) {
                strayErrors.add(new ImportError(row.line(), "id is empty."));
                continue;
            }
            String rowGroup = get(row, GROUP);
            if (rows.isEmpty()) {
                rows.add(row);
                groupId = rowGroup;
                if (groupId.isEmpty()) {
                    return build(groupId, rows);
                }
            } else if (groupId.equals(rowGroup)) {
                rows.add(row);
            } else {
                lookahead = row;
                return build(groupId, rows);
            }
        }
    }

    private ProductGroup build(String groupId, List<CsvRecords.Row> rows) {
        CsvRecords.Row first = rows.get(0);
        boolean single = groupId.isEmpty();
        String handle = handle(single ? get(first, ID) : groupId);
        List<ImportError> errors = new ArrayList<>();
        int attributes;
        Group earlier = single ? null : groups.get(handle);
        if (single) {
            attributes = attributesOf(first) & SINGLE_ITEM_ATTRIBUTES;
        } else if (earlier == null) {
            attributes = 0;
            for (CsvRecords.Row row : rows) {
                attributes |= attributesOf(row);
            }
            groups.put(handle, new Group(groupId, first.line(), attributes));
        } else if (!earlier.groupId().equals(groupId)) {
            String message = "item_group_id '" + groupId + "' gives the handle '" + handle + "', like item_group_id '"
                    + earlier.groupId() + "' (line " + earlier.line() + "); give the groups ids that differ in more "
                    + "than case and punctuation.";
            rows.forEach(r -> errors.add(new ImportError(r.line(), message)));
            return new ProductGroup(handle, first.line(), null, errors);
        } else {
            attributes = earlier.attributes();
        }
        List<Integer> options = new ArrayList<>();
        for (int i = 0; i < VARIANT_ATTRIBUTES.size() && options.size() < 3; i++) {
            if ((attributes & (1 << i)) != 0) {
                options.add(i);
            }
        }
        List<String> optionNames = options.stream().map(OPTION_NAMES::get).toList();

        List<VariantDraft> variants = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<List<String>, String> idsByOptions = new HashMap<>();
        String image = null;
        for (CsvRecords.Row row : rows) {
            if (image == null && !get(row, IMAGE).isEmpty()) {
                image = get(row, IMAGE);
            }
            String id = get(row, ID);
            try {
                Integer sameId = idLines.putIfAbsent(id, row.line());
                if (sameId != null) {
                    throw new RowException("id '" + id + "' is listed twice in item group '" + groupId
                            + "' (first at line " + sameId + ").");
                }
                if (earlier != null) {
                    rejectNewAttributes(row, earlier, optionNames);
                }
                VariantDraft v = variant(row, options);
                String clash = idsByOptions.putIfAbsent(v.options(), id);
                if (clash != null) {
                    throw new RowException(optionNames.isEmpty()
                            ? "Item '" + id + "' cannot be told apart from item '" + clash + "' of the same group: "
                                    + "neither has a color, size, material or pattern."
                            : "Item '" + id + "' has the same " + String.join(" / ", optionNames) + " as item '"
                                    + clash + "' of the same group ("
                                    + String.join(" / ", v.options().subList(0, optionNames.size())) + ").");
                }
                variants.add(v);
            } catch (RowException e) {
                errors.add(new ImportError(row.line(), e.getMessage()));
            }
        }
        if (variants.isEmpty()) {
            return new ProductGroup(handle, first.line(), null, errors);
        }
        CsvRecords.Row head = rows.stream().filter(r -> !get(r, TITLE).isEmpty()).findFirst().orElse(first);
        String productType = get(head, PRODUCT_TYPE);
        String googleCategory = get(head, GOOGLE_CATEGORY);
        String type = lastSegment(productType);
        if (type == null && !DIGITS.matcher(googleCategory).matches()) {
            type = lastSegment(googleCategory);
        }
        ProductDraft draft = new ProductDraft(handle, blankToNull(get(head, TITLE)), blankToNull(get(head, DESCRIPTION)),
                blankToNull(get(head, BRAND)), type, blankToNull(googleCategory.isEmpty() ? productType : googleCategory),
                ShopifyProductCsv.gender(get(head, GENDER)), tags(head), optionNames, image, "active", variants);
        return new ProductGroup(handle, first.line(), draft, errors);
    }

    /** Which of color, size, material and pattern (bits 0 to 3) an item has a value for. */
    private int attributesOf(CsvRecords.Row row) {
        int bits = 0;
        for (int i = 0; i < VARIANT_ATTRIBUTES.size(); i++) {
            if (!get(row, VARIANT_ATTRIBUTES.get(i)).isEmpty()) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /** An item of a group listed again may not vary by an attribute the group's first listing had no value for. */
    private void rejectNewAttributes(CsvRecords.Row row, Group earlier, List<String> optionNames) throws RowException {
        int added = attributesOf(row) & ~earlier.attributes();
        for (int i = 0; i < VARIANT_ATTRIBUTES.size(); i++) {
            if ((added & (1 << i)) != 0) {
                String attribute = VARIANT_ATTRIBUTES.get(i);
                throw new RowException("Item group '" + earlier.groupId() + "' was first listed at line "
                        + earlier.line() + " with no " + attribute + ", so its options are "
                        + (optionNames.isEmpty() ? "none" : String.join(" / ", optionNames)) + "; this item has "
                        + attribute + " '" + get(row, attribute) + "'. List all items of a group together.");
            }
        }
    }

    private VariantDraft variant(CsvRecords.Row row, List<Integer> optionAttributes) throws RowException {
        String sku = get(row, ID);
        if (sku.length() > MAX_SKU) {
            throw new RowException("id is longer than " + MAX_SKU + " characters.");
        }
        List<String> options = new ArrayList<>(List.of("", "", ""));
        for (int i = 0; i < optionAttributes.size(); i++) {
            String attribute = VARIANT_ATTRIBUTES.get(optionAttributes.get(i));
            String value = get(row, attribute);
            if (value.length() > MAX_OPTION_VALUE) {
                throw new RowException(attribute + " is longer than " + MAX_OPTION_VALUE + " characters.");
            }
            options.set(i, value);
        }
        String priceText = get(row, PRICE);
        if (priceText.isEmpty()) {
            throw new RowException("price is missing.");
        }
        BigDecimal price = money(priceText, PRICE);
        String saleText = get(row, SALE_PRICE);
        BigDecimal compareAt = null;
        if (!saleText.isEmpty()) {
            BigDecimal sale = money(saleText, SALE_PRICE);
            if (sale.compareTo(price) < 0) {
                compareAt = price;
                price = sale;
            }
        }
        return new VariantDraft(row.line(), sku, options, price, compareAt, onHand(row), grams(get(row, SHIPPING_WEIGHT)),
                blankToNull(get(row, GTIN)), blankToNull(get(row, IMAGE)));
    }

    /** Units in stock from quantity (or sell_on_google_quantity), else from availability; null leaves stock alone. */
    private Integer onHand(CsvRecords.Row row) throws RowException {
        String column = get(row, QUANTITY).isEmpty() ? SELL_ON_GOOGLE_QUANTITY : QUANTITY;
        String qty = get(row, column);
        String availabilityText = get(row, AVAILABILITY);
        String availability = availabilityText.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        boolean outOfStock = switch (availability) {
            case "out_of_stock" -> true;
            case "", "in_stock", "preorder", "backorder" -> false;
            default -> throw new RowException("availability '" + availabilityText
                    + "' is not one of in_stock, out_of_stock, preorder, backorder.");
        };
        if (!qty.isEmpty()) {
            int onHand;
            try {
                onHand = Integer.parseInt(qty);
            } catch (NumberFormatException e) {
                throw new RowException(column + " '" + qty + "' is not a whole number.");
            }
            if (onHand < 0) {
                throw new RowException(column + " " + onHand + " is negative; stock cannot be below zero.");
            }
            return onHand;
        }
        return outOfStock ? Integer.valueOf(0) : null;
    }

    /** A Google price: "1500.00 TWD", "1,500 TWD" or a bare number, in the store's currency. */
    private BigDecimal money(String text, String column) throws RowException {
        Matcher m = MONEY.matcher(text);
        if (!m.matches() || (m.group(1) != null && m.group(3) != null)) {
            throw new RowException(column + " '" + text + "' is not a number.");
        }
        String currency = m.group(1) != null ? m.group(1) : m.group(3);
        if (currency != null && !currency.equalsIgnoreCase(storeCurrency)) {
            throw new RowException(column + " is in " + currency.toUpperCase(Locale.ROOT) + "; this store sells in "
                    + storeCurrency + ".");
        }
        String number = m.group(2);
        if (GROUPED_NUMBER.matcher(number).matches()) {
            number = number.replace(",", "");
        } else if (!PLAIN_NUMBER.matcher(number).matches()) {
            throw new RowException(column + " '" + text + "' is not a number.");
        }
        BigDecimal value = new BigDecimal(number);
        if (value.signum() < 0) {
            throw new RowException(column + " " + text + " is negative.");
        }
        if (value.scale() > 2 || value.precision() - value.scale() > 10) {
            throw new RowException(column + " " + text + " is not an amount with at most two decimals.");
        }
        return value.setScale(2);
    }

    /** Grams from a shipping weight such as "500 g", "1.2 kg", "2 lb" or "10 oz"; null if it is not one. */
    static Integer grams(String text) {
        Matcher m = WEIGHT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String number = m.group(1);
        if (GROUPED_NUMBER.matcher(number).matches()) {
            number = number.replace(",", "");
        } else if (!PLAIN_NUMBER.matcher(number).matches()) {
            return null;
        }
        BigDecimal factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "g" -> BigDecimal.ONE;
            case "kg" -> BigDecimal.valueOf(1000);
            case "lb", "lbs" -> new BigDecimal("453.59237");
            default -> new BigDecimal("28.349523125");
        };
        BigDecimal grams = new BigDecimal(number).multiply(factor).setScale(0, RoundingMode.HALF_UP);
        return grams.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? null : grams.intValueExact();
    }

    /** The handle of an item group or item id: lower-case, runs of other characters as '-', at most 255. */
    static String handle(String key) {
        String handle = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (handle.isEmpty()) {
            return "item-" + hash(key, 6);
        }
        if (handle.length() > MAX_HANDLE) {
            return handle.substring(0, MAX_HANDLE - 9).replaceAll("-+$", "") + "-" + hash(key, 4);
        }
        return handle;
    }

    private static String hash(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last step of a breadcrumb: "Apparel > Outerwear > Coats" is "Coats". */
    static String lastSegment(String path) {
        String[] steps = path.split(">");
        for (int i = steps.length - 1; i >= 0; i--) {
            if (!steps[i].isBlank()) {
                return steps[i].strip();
            }
        }
        return null;
    }

    private List<String> tags(CsvRecords.Row row) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> values = new ArrayList<>(List.of(get(row, MATERIAL), get(row, PATTERN), get(row, AGE_GROUP)));
        String condition = get(row, CONDITION);
        if (!condition.equalsIgnoreCase("new")) {
            values.add(condition);
        }
        for (int i = 0; i <= 4; i++) {
            values.add(get(row, "custom_label_" + i));
        }
        for (String value : values) {
            String tag = value.toLowerCase(Locale.ROOT);
            if (!tag.isEmpty() && tag.length() <= 255) {
                tags.add(tag);
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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes a synthetic Shopify product CSV (the 46-column export) with the given number of variants to
 * standard output, for the import benchmark. Deterministic (fixed seed). Run with the JDK alone:
 * {@code java bench/catalog/GenerateShopifyCsv.java 100000 > /tmp/catalog-100k.csv}
 */
public class GenerateShopifyCsv {

    private static final String HEADER = "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,"
            + "Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,"
            + "Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,"
            + "Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Variant Barcode,"
            + "Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,SEO Description,"
            + "Google Shopping / Google Product Category,Google Shopping / Gender,Google Shopping / Age Group,"
            + "Google Shopping / MPN,Google Shopping / AdWords Grouping,Google Shopping / AdWords Labels,"
            + "Google Shopping / Condition,Google Shopping / Custom Product,Google Shopping / Custom Label 0,"
            + "Google Shopping / Custom Label 1,Google Shopping / Custom Label 2,Google Shopping / Custom Label 3,"
            + "Google Shopping / Custom Label 4,Variant Image,Variant Weight Unit,Variant Tax Code";
    private static final String[] TYPES = {"coat", "jacket", "sneakers", "boots", "t-shirt", "shirt", "sweater",
        "hoodie", "jeans", "pants", "dress", "skirt", "backpack", "bag", "hat", "socks"};
    private static final String[] ADJECTIVES = {"Harbor", "Summit", "Coastal", "Urban", "Misty", "Golden", "Quiet",
        "Rapid", "Northern", "Lantern", "Cedar", "River", "Stone", "Cloud", "Bamboo", "Jade"};
    private static final String[] TAGS = {"waterproof", "winter", "summer", "lightweight", "breathable", "leather",
        "recycled", "casual", "office", "running", "insulated", "linen"};
    private static final String[] SIZES = {"XS", "S", "M", "L", "XL"};
    private static final String[] COLORS = {"black", "white", "navy", "grey", "red", "olive", "beige"};

    public static void main(String[] args) throws IOException {
        int variants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(42);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 20)) {
            out.write(HEADER);
            out.write('\n');
            int written = 0;
            for (int p = 0; written < variants; p++) {
                String type = TYPES[p % TYPES.length];
                String handle = "bench-" + type + "-" + p;
                String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + type + " " + p;
                String tags = TAGS[random.nextInt(TAGS.length)] + ", " + TAGS[random.nextInt(TAGS.length)];
                int price = 290 + random.nextInt(80) * 50;
                int count = Math.min(variants - written, 2 + random.nextInt(7));
                for (int v = 0; v < count; v++) {
                    String size = SIZES[v % SIZES.length];
                    String color = COLORS[(v / SIZES.length + p) % COLORS.length];
                    String sku = ("B-" + p + "-" + size + "-" + color).toUpperCase();
                    int qty = random.nextInt(10) == 0 ? 0 : random.nextInt(40);
                    String[] row = new String[46];
                    java.util.Arrays.fill(row, "");
                    row[0] = handle;
                    if (v == 0) {
                        row[1] = title;
                        row[2] = "\"<p>A " + type + " for every day, tested in the benchmark.</p>\"";
                        row[3] = "Bench Co";
                        row[4] = type;
                        row[5] = "\"" + tags + "\"";
                        row[6] = "true";
                        row[7] = "Size";
                        row[9] = "Color";
                        row[31] = "unisex";
                    }
                    row[8] = size;
                    row[10] = color;
                    row[13] = sku;
                    row[16] = Integer.toString(qty);
                    row[19] = price + ".00";
                    out.write(String.join(",", row));
                    out.write('\n');
                    written++;
                }
            }
        }
    }
}

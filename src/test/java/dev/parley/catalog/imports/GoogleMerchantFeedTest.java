package dev.parley.catalog.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.catalog.ProductDraft;
import dev.parley.catalog.VariantDraft;
import dev.parley.platform.DomainException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleMerchantFeedTest {

    /** Google attribute names, some in the spaced or capitalised form, and one column Parley does not know. */
    static final List<String> HEADER = List.of("id", "title", "description", "link", "Image Link", "availability",
            "price", "Sale Price", "brand", "gtin", "condition", "google_product_category", "product_type",
            "item group id", "color", "size", "gender", "age_group", "material", "shipping_weight", "custom_label_0",
            "quantity", "ads_redirect");

    static final String IMG = "https://shop.example.com/img/";
    static final String COAT_CATEGORY = "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets";

    /** A small feed of every case; physical line numbers on the right. */
    static String feed(String newline) {
        String coat = "title=Wool Coat|brand=Northwind|condition=new|google_product_category=" + COAT_CATEGORY
                + "|product_type=Apparel > Outerwear > Coats|item group id=COAT-W|gender=Women|age_group=adult"
                + "|custom_label_0=Winter|price=4,980 TWD|link=https://shop.example.com/p/coat-w";
        List<String> lines = List.of(
                String.join("\t", HEADER), // 1
                row(coat + "|id=COAT-BLK-S|description=\"Warm wool." + newline + "Windproof.\"|Image Link=" + IMG
                        + "coat-black.jpg|availability=in stock|Sale Price=3980 TWD|gtin=4710000000011|color=Black"
                        + "|size=S|shipping_weight=1.2 kg|quantity=5"), // 2-3: a quoted description spans two lines
                row(coat + "|id=COAT-BLK-M|Image Link=" + IMG + "coat-black.jpg|availability=in_stock"
                        + "|Sale Price=3,980 TWD|color=Black|size=M|shipping_weight=1.2 kg|quantity=0"), // 4
                row(coat + "|id=COAT-NVY-M|Image Link=" + IMG + "coat-navy.jpg|availability=in_stock|color=Navy"
                        + "|size=M|shipping_weight=heavy"), // 5
                row(coat + "|id=COAT-NVY-M2|availability=in_stock|color=Navy|size=M"), // 6: same options as line 5
                row("id=TOTE-1|title=Canvas Tote|Image Link=" + IMG + "tote.jpg|availability=in_stock|price=690"
                        + "|google_product_category=Apparel & Accessories > Handbags|color=Natural|material=Canvas"
                        + "|age_group=adult|condition=new|custom_label_0=Summer|shipping_weight=300 g"), // 7
                row("id=SCARF-1|title=Red Scarf|availability=out_of_stock|price=1180 TWD"
                        + "|google_product_category=167|condition=refurbished|gender=unisex"), // 8: sold out
                row("id=CAP-1|title=Cap|availability=in_stock|price=15.00 USD"), // 9: foreign currency
                row("id=SOCK-1|title=Socks|availability=in_stock|price=290|quantity=-2"), // 10: negative stock
                row("id=BELT-1|title=Belt|availability=in_stock|price=free"), // 11: not a number
                row("id=SLEEVE-15|title=15\" Laptop Sleeve|availability=backorder|price=TWD 1,290.50"
                        + "|product_type=Bags > Sleeves|shipping_weight=10 oz"), // 12: a stray quote is kept
                row("id=BAG-2|title=Bag|availability=limited|price=990"), // 13: unknown availability
                "\"BROKEN-1\tBroken bag\t\t\t\tin_stock\t990", // 14: a quote that never closes
                row("title=No Id|price=100"), // 15: no id
                row(coat + "|id=COAT-NVY-L|Image Link=" + IMG + "coat-navy.jpg|availability=in_stock"
                        + "|Sale Price=5980 TWD|color=Navy|size=L|quantity=2"), // 16: the group again
                row(coat + "|id=COAT-RED-S|availability=in_stock|color=Red|size=S|material=Wool")); // 17
        return String.join(newline, lines) + newline;
    }

    /** A feed row from "column=value|column=value", in HEADER order. */
    static String row(String spec) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : spec.split("\\|")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        assertTrue(HEADER.containsAll(values.keySet()), values.keySet().toString());
        return String.join("\t", HEADER.stream().map(h -> values.getOrDefault(h, "")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bom-crlf", "lf"})
    void aFeedIsReadIntoProductsWithBadRowsReportedByLine(String encoding) {
        String text = encoding.equals("lf") ? feed("\n") : "\uFEFF" + feed("\r\n");
        Parsed parsed = parse(new StringReader(text));

        Map<Integer, String> errors = new TreeMap<>();
        parsed.errors.forEach(e -> errors.put(e.line(), e.message()));
        Map<Integer, String> expected = new TreeMap<>(Map.of(
                6, "Item 'COAT-NVY-M2' has the same Color / Size as item 'COAT-NVY-M' of the same group (Navy / M).",
                9, "price is in USD; this store sells in TWD.",
                10, "quantity -2 is negative; stock cannot be below zero.",
                11, "price 'free' is not a number.",
                13, "availability 'limited' is not one of in_stock, out_of_stock, preorder, backorder.",
                14, "Not a valid feed row: a quoted field is never closed.",
                15, "id is empty.",
                17, "Item group 'COAT-W' was first listed at line 2 with no material, so its options are Color / Size;"
                        + " this item has material 'Wool'. List all items of a group together."));
        assertEquals(expected, errors);
        assertEquals(expected.size(), parsed.errors.size(), "one error per rejected line");

        List<String> coatTags = List.of("adult", "winter");
        List<String> colorSize = List.of("Color", "Size");
        ProductDraft coat = new ProductDraft("coat-w", "Wool Coat", "Warm wool.\nWindproof.", "Northwind", "Coats",
                COAT_CATEGORY, "female", coatTags, colorSize, IMG + "coat-black.jpg", "active", List.of(
                        new VariantDraft(2, "COAT-BLK-S", List.of("Black", "S", ""), money("3980"), money("4980"), 5,
                                1200, "4710000000011", IMG + "coat-black.jpg"),
                        new VariantDraft(4, "COAT-BLK-M", List.of("Black", "M", ""), money("3980"), money("4980"), 0,
                                1200, null, IMG + "coat-black.jpg"),
                        new VariantDraft(5, "COAT-NVY-M", List.of("Navy", "M", ""), money("4980"), null, null, null,
                                null, IMG + "coat-navy.jpg")));
        ProductDraft tote = new ProductDraft("tote-1", "Canvas Tote", null, null, "Handbags",
                "Apparel & Accessories > Handbags", null, List.of("canvas", "adult", "summer"), List.of("Color"),
                IMG + "tote.jpg", "active", List.of(new VariantDraft(7, "TOTE-1", List.of("Natural", "", ""),
                        money("690"), null, null, 300, null, IMG + "tote.jpg")));
        ProductDraft scarf = new ProductDraft("scarf-1", "Red Scarf", null, null, null, "167", "unisex",
                List.of("refurbished"), List.of(), null, "active", List.of(new VariantDraft(8, "SCARF-1",
                        List.of("", "", ""), money("1180"), null, 0, null, null, null)));
        ProductDraft sleeve = new ProductDraft("sleeve-15", "15\" Laptop Sleeve", null, null, "Sleeves",
                "Bags > Sleeves", null, List.of(), List.of(), null, "active", List.of(new VariantDraft(12, "SLEEVE-15",
                        List.of("", "", ""), new BigDecimal("1290.50"), null, null, 283, null, null)));
        ProductDraft coatAgain = new ProductDraft("coat-w", "Wool Coat", null, "Northwind", "Coats", COAT_CATEGORY,
                "female", coatTags, colorSize, IMG + "coat-navy.jpg", "active", List.of(new VariantDraft(16,
                        "COAT-NVY-L", List.of("Navy", "L", ""), money("4980"), null, 2, null, null,
                        IMG + "coat-navy.jpg")));
        assertEquals(List.of(coat, tote, scarf, sleeve, coatAgain), parsed.products);
        assertEquals(List.of(2, 7, 8, 12, 16), parsed.firstLines);
    }

    @Test
    void theFixtureFeedHasSevenProductsThirteenVariantsAndOneBadRow() {
        Parsed parsed = parse(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("catalog/merchant-feed.tsv"), StandardCharsets.UTF_8));
        assertEquals(List.of(new ImportError(11, "price '價格洽詢' is not a number.")), parsed.errors);
        assertEquals(List.of("gm-wc24", "gm-tote-01", "gm-ls", "gm-scarf-red", "gm-glove-brn-m", "gm-bottle-500",
                "gm-sock"), parsed.products.stream().map(ProductDraft::handle).toList());
        assertEquals(13, parsed.products.stream().mapToInt(p -> p.variants().size()).sum());

        ProductDraft coat = parsed.products.get(0);
        assertEquals(List.of("Color", "Size"), coat.optionNames());
        assertEquals(4, coat.variants().size());
        assertEquals(List.of("深藍", "L", ""), coat.variants().get(3).options());
        assertEquals(0, coat.variants().get(3).onHand(), "sold-out variant");
        assertEquals("大衣", coat.type());
        assertEquals(List.of("adult", "秋冬新品"), coat.tags());
        ProductDraft shirt = parsed.products.get(2);
        assertEquals(3, shirt.variants().size());
        assertEquals(new BigDecimal("990.00"), shirt.variants().get(0).price());
        assertEquals(new BigDecimal("1290.00"), shirt.variants().get(0).compareAtPrice());
        assertEquals(0, parsed.products.get(3).variants().get(0).onHand(), "sold-out scarf");
        assertEquals(200, parsed.products.get(4).variants().get(0).grams());
    }

    @Test
    void aHeaderWithoutIdTitleOrPriceIsRefusedWhole() {
        DomainException e = assertThrows(DomainException.class,
                () -> new GoogleMerchantFeed(new StringReader("id\ttitle\tlink\nx\ty\tz\n"), "TWD"));
        assertEquals("not-a-product-feed", e.code());
        assertEquals("Not a Google Merchant Center feed: the header has no 'price' column.", e.getMessage());

        DomainException csv = assertThrows(DomainException.class,
                () -> new GoogleMerchantFeed(new StringReader("id,title,price\nx,y,1\n"), "TWD"));
        assertTrue(csv.getMessage().contains("not tab-separated"), csv.getMessage());

        assertEquals("not-a-product-feed", assertThrows(DomainException.class,
                () -> new GoogleMerchantFeed(new StringReader(""), "TWD")).code());
        assertThrows(IllegalArgumentException.class,
                () -> new GoogleMerchantFeed(new StringReader("id\ttitle\tprice\n"), "NT$"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1500.00 TWD;1500.00", "'1,500 TWD';1500.00", "1500;1500.00",
            "twd 99.5;99.50", "1234567.89TWD;1234567.89", "'12,345,678.9 TWD';12345678.90"})
    void pricesInGoogleFormatAreRead(String price, String amount) {
        Parsed parsed = parse(new StringReader("id\ttitle\tprice\nA-1\tA\t" + price + "\n"));
        assertEquals(List.of(), parsed.errors);
        assertEquals(new BigDecimal(amount), parsed.products.get(0).variants().get(0).price());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'1,50 TWD'|price '1,50 TWD' is not a number.",
            "15.005 TWD|price 15.005 TWD is not an amount with at most two decimals.",
            "-5 TWD|price -5 TWD is negative.", "1500 NTD|price is in NTD; this store sells in TWD.",
            "NT$1500|price 'NT$1500' is not a number.", "USD 5 TWD|price 'USD 5 TWD' is not a number."})
    void badPricesAreRejectedWithTheirReason(String price, String message) {
        Parsed parsed = parse(new StringReader("id\ttitle\tprice\nA-1\tA\t" + price + "\n"));
        assertEquals(List.of(new ImportError(2, message)), parsed.errors);
        assertEquals(List.of(), parsed.products);
    }

    @Test
    void groupOptionsAreColorSizeMaterialPatternPresentInTheGroupAtMostThree() {
        String feed = """
                id\ttitle\tprice\titem_group_id\tcolor\tsize\tmaterial\tpattern
                T-1\tTee\t500\tTEE\t\tS\tCotton\tStriped
                T-2\tTee\t500\tTEE\tRed\tS\tCotton\tPlain
                P-1\tPlate\t300\t\t\t\tStoneware\t
                """;
        Parsed parsed = parse(new StringReader(feed));
        // pattern is a fourth attribute, so it is dropped; with it the two tees would differ, without it they
        // differ by colour only
        assertEquals(List.of(), parsed.errors);
        ProductDraft tee = parsed.products.get(0);
        assertEquals(List.of("Color", "Size", "Material"), tee.optionNames());
        assertEquals(List.of("", "S", "Cotton"), tee.variants().get(0).options());
        assertEquals(List.of("Red", "S", "Cotton"), tee.variants().get(1).options());
        assertEquals(List.of("cotton", "striped"), tee.tags());
        ProductDraft plate = parsed.products.get(1);
        assertEquals(List.of(), plate.optionNames(), "a single item has only colour and size as options");
        assertEquals(List.of("stoneware"), plate.tags());
    }

    @Test
    void groupIdsThatGiveTheSameHandleAreNotMerged() {
        String feed = """
                id\ttitle\tprice\titem_group_id\tsize
                A-1\tA\t500\tCoat W\tS
                B-1\tB\t500\tcoat-w\tS
                A-2\tA\t500\tCoat W\tM
                """;
        Parsed parsed = parse(new StringReader(feed));
        assertEquals(List.of(new ImportError(3, "item_group_id 'coat-w' gives the handle 'coat-w', like "
                + "item_group_id 'Coat W' (line 2); give the groups ids that differ in more than case and "
                + "punctuation.")), parsed.errors);
        assertEquals(List.of("coat-w", "coat-w"), parsed.products.stream().map(ProductDraft::handle).toList());
        assertEquals(List.of("M", "", ""), parsed.products.get(1).variants().get(0).options());
    }

    @Test
    void anIdListedTwiceInOneGroupIsRejected() {
        Parsed parsed = parse(new StringReader("id\ttitle\tprice\titem_group_id\tsize\n"
                + "A-1\tA\t500\tG\tS\nA-1\tA\t500\tG\tM\n"));
        assertEquals(List.of(new ImportError(3, "id 'A-1' is listed twice in item group 'G' (first at line 2).")),
                parsed.errors);
    }

    @Test
    void handlesWeightsAndBreadcrumbs() {
        assertEquals("coat-w-2024", GoogleMerchantFeed.handle("  Coat W/2024 "));
        assertEquals("abc-123", GoogleMerchantFeed.handle("--ABC__123--"));
        String chinese = GoogleMerchantFeed.handle("大衣");
        assertTrue(chinese.matches("item-[0-9a-f]{12}"), chinese);
        assertEquals(chinese, GoogleMerchantFeed.handle("大衣"), "stable");
        String longHandle = GoogleMerchantFeed.handle("x".repeat(300));
        assertEquals(255, longHandle.length());
        assertTrue(longHandle.startsWith("x".repeat(246) + "-"), longHandle);

        assertEquals(500, GoogleMerchantFeed.grams("500 g"));
        assertEquals(1200, GoogleMerchantFeed.grams("1.2 kg"));
        assertEquals(907, GoogleMerchantFeed.grams("2 lb"));
        assertEquals(283, GoogleMerchantFeed.grams("10 oz"));
        assertEquals(1500, GoogleMerchantFeed.grams("1,500g"));
        assertNull(GoogleMerchantFeed.grams("500"));
        assertNull(GoogleMerchantFeed.grams("heavy"));
        assertNull(GoogleMerchantFeed.grams(""));

        assertEquals("image_link", GoogleMerchantFeed.attribute(" Image Link "));
        assertEquals("item_group_id", GoogleMerchantFeed.attribute("g:item_group_id"));
        assertEquals("Coats", GoogleMerchantFeed.lastSegment("Apparel > Outerwear > Coats"));
        assertNull(GoogleMerchantFeed.lastSegment(""));
    }

    private record Parsed(List<ProductDraft> products, List<Integer> firstLines, List<ImportError> errors) {
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    private static Parsed parse(Reader reader) {
        List<ProductDraft> products = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        try (GoogleMerchantFeed feed = new GoogleMerchantFeed(reader, "TWD")) {
            for (ProductGroup g = feed.next(); g != null; g = feed.next()) {
                errors.addAll(feed.drainStrayErrors());
                errors.addAll(g.errors());
                if (g.draft() != null && !g.draft().variants().isEmpty()) {
                    products.add(g.draft());
                    firstLines.add(g.firstLine());
                }
            }
            errors.addAll(feed.drainStrayErrors());
        }
        return new Parsed(products, firstLines, errors);
    }
}

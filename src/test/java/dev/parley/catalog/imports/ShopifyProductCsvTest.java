package dev.parley.catalog.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.catalog.ProductDraft;
import dev.parley.platform.DomainException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShopifyProductCsvTest {

    /** The public Shopify exports beside the checkout (../shared/data), read in place, never copied. */
    static final Path SAMPLES = Path.of("..", "shared", "data", "shopify-samples");

    @ParameterizedTest
    @CsvSource({"apparel.csv,20,22", "home-and-garden.csv,20,21", "jewelery.csv,20,23"})
    void theRealShopifyExportsParseUnchanged(String file, int products, int variants) throws IOException {
        Path path = SAMPLES.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "shared Shopify samples not present");
        Parsed parsed = parse(Files.newBufferedReader(path, StandardCharsets.UTF_8));
        assertEquals(List.of(), parsed.errors);
        assertEquals(products, parsed.products.size());
        assertEquals(variants, parsed.products.stream().mapToInt(p -> p.variants().size()).sum());
        assertTrue(parsed.products.stream().allMatch(p -> p.title() != null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog/broken.csv", "catalog/broken-bom-crlf.csv"})
    void badRowsAreReportedByLineAndGoodRowsKept(String resource) {
        Parsed parsed = parse(new InputStreamReader(getClass().getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8));
        Map<Integer, String> errors = new java.util.TreeMap<>();
        parsed.errors.forEach(e -> errors.put(e.line(), e.message()));
        // line 5: non-numeric price; line 6: unclosed quote; line 7: negative stock
        assertEquals(List.of(5, 6, 7), List.copyOf(errors.keySet()), errors.toString());
        assertTrue(errors.get(5).contains("'abc' is not a number"));
        assertTrue(errors.get(6).contains("quote"));
        assertTrue(errors.get(7).contains("negative"));

        ProductDraft jacket = parsed.products.get(0);
        assertEquals("it-rain-jacket", jacket.handle());
        assertEquals("<p>A light rain jacket.\nTaped seams.</p>", jacket.bodyHtml().replace("\r", ""));
        assertEquals(List.of("waterproof", "lightweight"), jacket.tags());
        assertEquals(List.of("Size", "Color"), jacket.optionNames());
        assertEquals("unisex", jacket.gender());
        assertEquals(2, jacket.variants().size());
        assertEquals(new BigDecimal("1990.00"), jacket.variants().get(0).price());
        assertEquals(new BigDecimal("2490.00"), jacket.variants().get(0).compareAtPrice());
        assertEquals(List.of("M", "black", ""), jacket.variants().get(1).options());
        assertEquals(0, jacket.variants().get(1).onHand());

        List<String> handles = parsed.products.stream().map(ProductDraft::handle).toList();
        // the tote's only row was rejected, so it has no variant; cap and shirt parse (the cap's SKU clash is
        // found when writing, against the database)
        assertTrue(handles.containsAll(List.of("it-canvas-cap", "it-linen-shirt")), handles.toString());
        ProductDraft cap = parsed.products.stream().filter(p -> p.handle().equals("it-canvas-cap")).findFirst()
                .orElseThrow();
        assertEquals(List.of(), cap.optionNames(), "Default Title means no options");
        assertEquals(List.of("", "", ""), cap.variants().get(0).options());
    }

    @Test
    void aFileWithoutTheShopifyColumnsIsRefusedWhole() {
        DomainException e = assertThrows(DomainException.class,
                () -> new ShopifyProductCsv(new StringReader("name,price\nx,1\n")));
        assertEquals("not-a-product-csv", e.code());
    }

    @Test
    void genderAndTagsAreNormalised() {
        assertEquals("male", ShopifyProductCsv.gender("Men"));
        assertEquals("female", ShopifyProductCsv.gender("female"));
        assertNull(ShopifyProductCsv.gender("kids"));
        assertEquals(List.of("waterproof", "winter"), ShopifyProductCsv.tags(" Waterproof, winter ,,waterproof"));
    }

    private record Parsed(List<ProductDraft> products, List<ImportError> errors) {
    }

    private static Parsed parse(Reader reader) {
        List<ProductDraft> products = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        try (ShopifyProductCsv csv = new ShopifyProductCsv(reader)) {
            for (ProductGroup g = csv.next(); g != null; g = csv.next()) {
                errors.addAll(csv.drainStrayErrors());
                errors.addAll(g.errors());
                if (g.draft() != null && !g.draft().variants().isEmpty()) {
                    products.add(g.draft());
                }
            }
            errors.addAll(csv.drainStrayErrors());
        }
        return new Parsed(products, errors);
    }
}

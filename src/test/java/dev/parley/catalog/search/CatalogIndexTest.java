package dev.parley.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {

    CatalogIndex index;

    @BeforeEach
    void build() {
        index = new CatalogIndex();
        index.put(List.of(
                product(1, "Alishan Waterproof Down Parka", "阿里山防水羽絨外套", "coat",
                        List.of("waterproof", "winter", "down"), "3880", variant("P1-M-BLK", "M", "black", 3)),
                product(2, "Harbor Wool Overcoat", "港灣羊毛大衣", "coat", List.of("winter"), "5200",
                        variant("P2-M-GRY", "M", "grey", 2)),
                product(3, "Taroko Rain Shell", "太魯閣防水外套", "coat", List.of("waterproof"), "4500",
                        variant("P3-L-NVY", "L", "navy", 5)),
                product(4, "Daan Court Sneaker", "大安球鞋", "sneakers", List.of("casual"), "2480",
                        variant("P4-9-BLK", "9", "black", 0), variant("P4-9-WHT", "9", "white", 4),
                        variant("P4-10-BLK", "10", "black", 2)),
                product(5, "Tamsui Runner", "淡水慢跑鞋", "sneakers", List.of("running"), "2980",
                        variant("P5-9-BLK", "9", "black", 6)),
                product(6, "Everyday Tee", "日常T恤", "t-shirt", List.of("summer"), "490",
                        variant("P6-M-BLK", "M", "black", 9))), List.of());
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void waterproofCoatsAtOrBelowAPrice() {
        SearchConstraints c = SearchConstraints.none().withTypes(Set.of("coat")).withAttributes(Set.of("waterproof"))
                .withPrice(null, new BigDecimal("4000"));
        assertEquals(Set.of(1L), ids(c));
    }

    @Test
    void colourSizeAndStockMustHoldForTheSameVariant() {
        SearchConstraints c = SearchConstraints.none().withTypes(Set.of("sneakers")).withColors(Set.of("Black"))
                .withSizes(Set.of("9.0")).inStock(true);
        // product 4 has a black (size 10) and a size-9 (white) in stock, but its black 9 is sold out
        assertEquals(Set.of(5L), ids(c));
        assertEquals("P5-9-BLK", index.search(c).get(0).sku());
    }

    @Test
    void aQueryWithNoAnswerReturnsNothing() {
        assertEquals(Set.of(), ids(SearchConstraints.none().withTypes(Set.of("coat")).withPrice(null,
                new BigDecimal("1000"))));
    }

    @Test
    void traditionalSimplifiedAndEnglishFindTheSameProducts() {
        Set<Long> sneakers = ids(SearchConstraints.none().withText("sneakers"));
        assertEquals(Set.of(4L, 5L), sneakers);
        assertEquals(sneakers, ids(SearchConstraints.none().withText("運動鞋")));
        assertEquals(sneakers, ids(SearchConstraints.none().withText("运动鞋")));

        Set<Long> coats = ids(SearchConstraints.none().withText("coat"));
        assertEquals(Set.of(1L, 2L, 3L), coats);
        assertEquals(coats, ids(SearchConstraints.none().withText("外套")));
        assertEquals(coats, ids(SearchConstraints.none().withText("大衣")));
    }

    @Test
    void everyWordOfTheTextMustMatch() {
        assertEquals(Set.of(1L, 3L), ids(SearchConstraints.none().withText("waterproof coat")));
        assertEquals(Set.of(1L, 3L), ids(SearchConstraints.none().withText("防水外套")));
    }

    @Test
    void removedProductsDisappear() {
        index.put(List.of(), List.of(5L));
        assertEquals(Set.of(4L), ids(SearchConstraints.none().withText("sneakers")));
    }

    @Test
    void similarInStockProductsAreOfTheSameTypeAndNeverTheProductItself() {
        IndexedProduct wool = product(2, "Harbor Wool Overcoat", "港灣羊毛大衣", "coat", List.of("winter"), "5200",
                variant("P2-M-GRY", "M", "grey", 0));
        index.put(List.of(wool), List.of());
        List<SearchHit> like = index.similar(wool, Set.of(), 10);
        assertEquals(List.of(1L, 3L), like.stream().map(SearchHit::productId).toList(),
                "both other coats, the one sharing the winter tag first");
    }

    @Test
    void similarProductsComeInTheShoppersSizeAndInStock() {
        IndexedProduct court = product(4, "Daan Court Sneaker", "大安球鞋", "sneakers", List.of("casual"), "2480",
                variant("P4-9-BLK", "9", "black", 0));
        List<SearchHit> like = index.similar(court, Set.of("9"), 10);
        assertEquals(List.of(5L), like.stream().map(SearchHit::productId).toList());
        assertEquals("P5-9-BLK", like.get(0).sku());
        assertEquals(List.of(), index.similar(court, Set.of("12"), 10), "no sneaker in size 12");
    }

    private Set<Long> ids(SearchConstraints c) {
        return index.search(c.withLimit(100)).stream().map(SearchHit::productId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static IndexedProduct product(long id, String title, String zhTitle, String type, List<String> tags,
            String price, IndexedProduct.Variant... variants) {
        List<IndexedProduct.Variant> priced = java.util.Arrays.stream(variants)
                .map(v -> new IndexedProduct.Variant(v.sku(), v.options(), new BigDecimal(price), v.available()))
                .toList();
        return new IndexedProduct(id, List.of(title, zhTitle), List.of(), "Test Co", type, "unisex", tags, 0, priced);
    }

    private static IndexedProduct.Variant variant(String sku, String size, String color, int available) {
        return new IndexedProduct.Variant(sku, Map.of("Size", size, "Color", color), BigDecimal.ZERO, available);
    }
}

package dev.parley.bench;

import dev.parley.catalog.search.CatalogIndex;
import dev.parley.catalog.search.IndexedProduct;
import dev.parley.catalog.search.SearchConstraints;
import dev.parley.catalog.search.SearchHit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process catalog search over a synthetic catalog of 100,000 products (1–8 variants each, 423,544
 * variant documents), and the time to build that index. Run with {@code mvn -Pbench} (see
 * docs/benchmarks.md); a single benchmark with {@code mvn -Pbench -Djmh.args="CatalogSearchBenchmark.chinese"}.
 *
 * <p>The catalog imitates the demo catalog ({@code db/seed/demo-catalog.csv}): its 21 product types with
 * their usual sizes, colours, price ranges and tags, its vendors, English and zh-TW titles and descriptions,
 * unisex, women's and men's products, and about 10% of variants sold out. It is generated from a seeded
 * {@link Random}, so every run indexes the same catalog.
 *
 * <p>Each search benchmark cycles through eight query variants, so no single query's answer stays hot in
 * the CPU caches; the figures are per call of {@link CatalogIndex#search}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CatalogSearchBenchmark {

    /** Products per page of a rebuild, as {@code CatalogIndexer.PAGE}: one {@code put} (and refresh) each. */
    static final int PAGE = 500;

    // ---------------------------------------------------------------------------------------------------
    // Search latency.

    /** One index of the whole catalog, built once per fork, shared by the search benchmarks. */
    @State(Scope.Benchmark)
    public static class Indexed {

        @Param("100000")
        public int products;

        CatalogIndex index;
        List<SearchConstraints> threeFilters;
        List<SearchConstraints> chinese;
        List<SearchConstraints> filtersOnly;
        List<SearchConstraints> noAnswer;
        int next;

        @Setup(Level.Trial)
        public void build() {
            List<IndexedProduct> catalog = SyntheticCatalog.generate(products, 42);
            long start = System.nanoTime();
            index = new CatalogIndex();
            for (int i = 0; i < catalog.size(); i += PAGE) {
                index.write(catalog.subList(i, Math.min(catalog.size(), i + PAGE)), List.of());
            }
            index.refresh();
            // Built as CatalogIndexer.rebuild() builds it, in a fresh JVM: this is also the cold rebuild time.
            System.out.printf(Locale.ROOT, "%n[setup] %,d products, %,d variant documents indexed in %.1f s%n",
                    catalog.size(), index.variantCount(), (System.nanoTime() - start) / 1e9);

            threeFilters = List.of(
                    q("waterproof", "coat", "black", null, "4000"),
                    q("lightweight", "jacket", "navy", null, "3000"),
                    q("leather", "boots", "brown", null, "5000"),
                    q("running", "sneakers", "white", null, "3500"),
                    q("linen", "shirt", "beige", null, "2000"),
                    q("winter", "sweater", "grey", null, "3000"),
                    q("merino", "socks", "navy", null, "600"),
                    q("summer", "dress", "red", null, "2500"));
            chinese = List.of(
                    q("防水外套", null, null, null, "5000"),
                    q("輕量夾克", null, null, null, "3000"),
                    q("黑色運動鞋", null, null, null, "3500"),
                    q("冬季毛衣", null, null, null, "3000"),
                    q("真皮靴子", null, null, null, "6000"),
                    q("透氣T恤", null, null, null, "1000"),
                    q("牛仔褲", null, null, null, "2000"),
                    q("登山後背包", null, null, null, "3000"));
            filtersOnly = List.of(
                    q(null, null, "black", "M", null),
                    q(null, null, "navy", "L", null),
                    q(null, null, "white", "9", null),
                    q(null, null, "grey", "S", null),
                    q(null, null, "beige", "XL", null),
                    q(null, null, "black", "32", null),
                    q(null, null, "red", "7.5", null),
                    q(null, null, "brown", "XS", null));
            noAnswer = List.of(
                    // each constraint alone has answers; together none (no coat is that cheap)
                    q("waterproof", "coat", "black", null, "150"),
                    // umbrellas come in no size
                    q(null, "umbrella", "black", "XL", null),
                    // no sandals are insulated, no such word in the catalog
                    SearchConstraints.none().withTypes(Set.of("sandals")).withAttributes(Set.of("insulated"))
                            .inStock(true),
                    q("tuxedo", null, null, null, null),
                    q("燕尾服", null, null, null, "5000"),
                    q("cashmere", "socks", null, null, null),
                    q(null, "socks", "black", "XL", null),
                    q("羽絨", "t-shirt", null, null, "1000"));

            for (List<SearchConstraints> answered : List.of(threeFilters, chinese, filtersOnly)) {
                for (SearchConstraints c : answered) {
                    if (index.search(c).isEmpty()) {
                        throw new IllegalStateException("expected hits for " + c);
                    }
                }
            }
            for (SearchConstraints c : noAnswer) {
                if (!index.search(c).isEmpty()) {
                    throw new IllegalStateException("expected no hits for " + c);
                }
            }
        }

        /** The next of the eight variants, in turn. */
        SearchConstraints next(List<SearchConstraints> variants) {
            return variants.get(next++ & 7);
        }

        @TearDown(Level.Trial)
        public void close() {
            index.close();
        }

        /** Text, type, colour, size and price filters as a shopper's turn gives them; in stock, 20 results. */
        private static SearchConstraints q(String text, String type, String color, String size, String priceMax) {
            SearchConstraints c = SearchConstraints.none().withText(text).inStock(true).withLimit(20);
            if (type != null) {
                c = c.withTypes(Set.of(type));
            }
            if (color != null) {
                c = c.withColors(Set.of(color));
            }
            if (size != null) {
                c = c.withSizes(Set.of(size));
            }
            if (priceMax != null) {
                c = c.withPrice(null, new BigDecimal(priceMax));
            }
            return c;
        }
    }

    /** (a) Free text plus type, colour, maximum price, in stock. Target: p99 ≤ 10 ms. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public List<SearchHit> textAndThreeFilters(Indexed s) {
        return s.index.search(s.next(s.threeFilters));
    }

    /** (b) A Traditional Chinese query (segmented by HanLP) with a maximum price, in stock. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public List<SearchHit> chinese(Indexed s) {
        return s.index.search(s.next(s.chinese));
    }

    /** (c) No text: size, colour, in stock (the filters a follow-up turn adds). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public List<SearchHit> filtersOnly(Indexed s) {
        return s.index.search(s.next(s.filtersOnly));
    }

    /** (d) Constraints that nothing satisfies (the case that then asks for the closest alternatives). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public List<SearchHit> noAnswer(Indexed s) {
        return s.index.search(s.next(s.noAnswer));
    }

    // ---------------------------------------------------------------------------------------------------
    // Index build.

    /** The generated catalog, kept across the build iterations. */
    @State(Scope.Benchmark)
    public static class Catalog {

        @Param("100000")
        public int products;

        List<IndexedProduct> catalog;
        CatalogIndex built;

        @Setup(Level.Trial)
        public void generate() {
            catalog = SyntheticCatalog.generate(products, 42);
            // Loads HanLP's dictionaries and the synonym map and warms the JIT on a smaller catalog (another
            // seed), so the measured builds need no warm-up iteration of their own.
            try (CatalogIndex warm = new CatalogIndex()) {
                List<IndexedProduct> other = SyntheticCatalog.generate(10_000, 7);
                for (int i = 0; i < other.size(); i += PAGE) {
                    warm.write(other.subList(i, Math.min(other.size(), i + PAGE)), List.of());
                }
                warm.refresh();
            }
        }

        @TearDown(Level.Iteration)
        public void close() {
            if (built != null) {
                built.close();
                built = null;
            }
        }
    }

    /**
     * A full rebuild as {@code CatalogIndexer.rebuild()} does it (minus reading the database): a new index,
     * filled a page of 500 products at a time, each page refreshed for searching.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public int buildIndex(Catalog c) {
        c.built = new CatalogIndex();
        List<IndexedProduct> catalog = c.catalog;
        for (int i = 0; i < catalog.size(); i += PAGE) {
            c.built.write(catalog.subList(i, Math.min(catalog.size(), i + PAGE)), List.of());
        }
        c.built.refresh();
        return c.built.variantCount();
    }

    // ---------------------------------------------------------------------------------------------------
    // The synthetic catalog.

    /** Products that look like the demo catalog's, reproducibly. */
    static final class SyntheticCatalog {

        private static final List<String> LETTER_SIZES = List.of("XS", "S", "M", "L", "XL", "XXL");
        private static final List<String> SHOE_SIZES = List.of("6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5",
                "10", "11");
        private static final List<String> WAIST_SIZES = List.of("28", "30", "32", "34", "36");
        private static final List<String> SOCK_SIZES = List.of("S", "M", "L");
        private static final List<String> NO_SIZE = List.of();

        /** Tag to the zh-TW word a title or description uses for it. */
        private static final Map<String, String> FEATURES = Map.ofEntries(Map.entry("waterproof", "防水"),
                Map.entry("water-resistant", "防潑水"), Map.entry("windproof", "防風"),
                Map.entry("insulated", "保暖鋪棉"), Map.entry("down", "羽絨"), Map.entry("winter", "冬季"),
                Map.entry("summer", "夏季"), Map.entry("lightweight", "輕量"), Map.entry("packable", "可收納"),
                Map.entry("breathable", "透氣"), Map.entry("quick-dry", "快乾"), Map.entry("leather", "真皮"),
                Map.entry("linen", "亞麻"), Map.entry("merino", "美麗諾羊毛"), Map.entry("wool", "羊毛"),
                Map.entry("cashmere", "喀什米爾"), Map.entry("denim", "丹寧"), Map.entry("fleece", "刷毛"),
                Map.entry("stretch", "彈性"), Map.entry("recycled", "回收材質"), Map.entry("organic-cotton", "有機棉"),
                Map.entry("running", "慢跑"), Map.entry("hiking", "登山"), Map.entry("casual", "休閒"),
                Map.entry("office", "通勤"), Map.entry("gift", "禮盒"), Map.entry("reflective", "反光"),
                Map.entry("uv-protection", "抗UV"), Map.entry("travel", "旅行"), Map.entry("all-season", "四季"));

        private static final String[][] PLACES = {{"Alishan", "阿里山"}, {"Taroko", "太魯閣"}, {"Tamsui", "淡水"},
            {"Jiufen", "九份"}, {"Yangming", "陽明"}, {"Daan", "大安"}, {"Beitou", "北投"}, {"Keelung", "基隆"},
            {"Hualien", "花蓮"}, {"Kenting", "墾丁"}, {"Yushan", "玉山"}, {"Sun Moon", "日月潭"}, {"Lukang", "鹿港"},
            {"Dadaocheng", "大稻埕"}, {"Ximen", "西門"}, {"Songshan", "松山"}, {"Harbor", "港灣"}, {"Summit", "山頂"},
            {"Coastal", "海岸"}, {"Urban", "城市"}, {"Misty", "山嵐"}, {"Lantern", "燈籠"}, {"Cedar", "雪松"},
            {"Bamboo", "竹林"}, {"Jade", "翡翠"}, {"Cloud", "雲海"}};

        private static final String[] VENDORS = {"Cloudsea Outfitters", "Pinecone Kids", "Swiftlet Run",
            "Sunny Alley", "Hualien Loom", "Blue Magpie Basics", "Lantern Street", "Tamsui Tide",
            "Dadaocheng Tailors", "Jiufen Lane", "Basalt Works", "Eastgate Commute", "Maple Ferry", "Plum Rain Co.",
            "Oolong Denim", "Yushan Ridge", "Kite & Compass"};

        private static final String[] GENDERS = {"unisex", "unisex", "unisex", "unisex", "female", "female",
            "female", "male", "male", "unisex"};

        /**
         * A product type as the demo catalog has it: weight (share of products), English nouns with their zh-TW
         * equivalents, sizes, colours, price range in whole currency units, and the tags it can carry.
         */
        private record Type(String name, int weight, String[][] nouns, List<String> sizes, List<String> colors,
                int minPrice, int maxPrice, List<String> tags) {
        }

        private static final List<Type> TYPES = List.of(
                new Type("coat", 28, new String[][] {{"Coat", "外套"}, {"Parka", "大衣"}, {"Overcoat", "大衣"},
                    {"Puffer Coat", "外套"}}, LETTER_SIZES,
                        List.of("black", "navy", "grey", "beige", "olive", "camel", "charcoal", "brown"), 2480, 8900,
                        List.of("waterproof", "winter", "insulated", "down", "windproof", "wool", "office",
                                "water-resistant", "packable", "hiking", "reflective", "lightweight")),
                new Type("jacket", 26, new String[][] {{"Jacket", "夾克"}, {"Shell", "外套"},
                    {"Windbreaker", "風衣"}, {"Blazer", "西裝外套"}}, LETTER_SIZES,
                        List.of("black", "navy", "olive", "beige", "grey", "red", "blue"), 1480, 5980,
                        List.of("lightweight", "windproof", "water-resistant", "waterproof", "packable", "hiking",
                                "reflective", "denim", "leather", "office", "summer", "fleece", "linen")),
                new Type("sneakers", 28, new String[][] {{"Sneaker", "球鞋"}, {"Runner", "慢跑鞋"},
                    {"Trainer", "運動鞋"}}, SHOE_SIZES, List.of("black", "white", "grey", "navy", "red", "pink",
                        "blue"), 1480, 4580, List.of("running", "casual", "breathable", "lightweight", "reflective",
                        "leather", "waterproof", "recycled")),
                new Type("boots", 16, new String[][] {{"Boot", "靴子"}, {"Chelsea Boot", "短靴"},
                    {"Rain Boot", "雨靴"}}, SHOE_SIZES, List.of("black", "brown", "camel", "olive", "burgundy"),
                        1980, 6980, List.of("waterproof", "leather", "winter", "hiking", "insulated", "casual")),
                new Type("t-shirt", 24, new String[][] {{"Tee", "T恤"}, {"T-Shirt", "短袖T恤"}}, LETTER_SIZES,
                        List.of("black", "white", "navy", "grey", "blue", "beige", "pink", "yellow", "green", "red",
                                "olive"), 290, 1280, List.of("summer", "breathable", "quick-dry", "organic-cotton",
                                "merino", "casual", "running", "uv-protection", "recycled")),
                new Type("shirt", 18, new String[][] {{"Shirt", "襯衫"}, {"Oxford Shirt", "牛津襯衫"}},
                        LETTER_SIZES, List.of("white", "blue", "navy", "pink", "black", "beige"), 890, 2980,
                        List.of("office", "linen", "stretch", "quick-dry", "casual", "summer", "organic-cotton")),
                new Type("sweater", 16, new String[][] {{"Sweater", "毛衣"}, {"Knit", "針織衫"},
                    {"Cardigan", "開襟毛衣"}}, LETTER_SIZES, List.of("grey", "navy", "beige", "black", "camel",
                        "burgundy", "green", "lavender"), 1280, 5980,
                        List.of("wool", "merino", "cashmere", "winter", "gift", "casual", "office")),
                new Type("hoodie", 14, new String[][] {{"Hoodie", "帽T"}, {"Hooded Sweatshirt", "連帽衫"}},
                        LETTER_SIZES, List.of("grey", "black", "navy", "green", "beige", "pink"), 990, 2480,
                        List.of("fleece", "casual", "organic-cotton", "winter", "recycled")),
                new Type("jeans", 12, new String[][] {{"Jeans", "牛仔褲"}, {"Denim", "丹寧褲"}}, WAIST_SIZES,
                        List.of("blue", "black", "grey"), 1280, 3280,
                        List.of("denim", "stretch", "casual", "organic-cotton")),
                new Type("pants", 18, new String[][] {{"Pants", "長褲"}, {"Chinos", "休閒褲"},
                    {"Trousers", "西裝褲"}}, LETTER_SIZES, List.of("black", "navy", "beige", "olive", "grey",
                        "charcoal"), 990, 3280, List.of("office", "stretch", "hiking", "quick-dry", "casual",
                        "linen")),
                new Type("shorts", 12, new String[][] {{"Shorts", "短褲"}}, LETTER_SIZES,
                        List.of("navy", "beige", "black", "olive", "grey", "blue"), 490, 1580,
                        List.of("summer", "quick-dry", "running", "hiking", "linen", "casual")),
                new Type("dress", 16, new String[][] {{"Dress", "洋裝"}, {"Maxi Dress", "長洋裝"}},
                        List.of("XS", "S", "M", "L", "XL"), List.of("black", "navy", "red", "beige", "pink",
                        "yellow", "green", "lavender"), 1280, 4880,
                        List.of("summer", "linen", "office", "casual", "stretch")),
                new Type("skirt", 10, new String[][] {{"Skirt", "裙子"}, {"Midi Skirt", "半身裙"}},
                        List.of("XS", "S", "M", "L"), List.of("black", "navy", "beige", "red", "green"), 890,
                        2880, List.of("summer", "office", "casual", "linen", "denim")),
                new Type("backpack", 14, new String[][] {{"Backpack", "後背包"}, {"Daypack", "背包"}}, NO_SIZE,
                        List.of("black", "navy", "grey", "olive", "red"), 1280, 4880,
                        List.of("waterproof", "travel", "hiking", "recycled", "lightweight", "reflective")),
                new Type("bag", 14, new String[][] {{"Tote", "托特包"}, {"Bag", "包包"},
                    {"Crossbody Bag", "斜背包"}}, NO_SIZE, List.of("black", "brown", "beige", "camel", "navy"),
                        590, 5880, List.of("leather", "casual", "office", "recycled", "gift", "travel")),
                new Type("hat", 14, new String[][] {{"Cap", "棒球帽"}, {"Beanie", "毛帽"}, {"Bucket Hat", "漁夫帽"}},
                        List.of("ONE SIZE"), List.of("black", "navy", "beige", "grey", "olive", "white"), 390,
                        1480, List.of("winter", "summer", "uv-protection", "merino", "wool", "gift")),
                new Type("socks", 12, new String[][] {{"Socks", "襪子"}, {"Crew Socks", "中筒襪"}}, SOCK_SIZES,
                        List.of("black", "white", "grey", "navy"), 199, 690,
                        List.of("merino", "running", "hiking", "winter", "gift", "organic-cotton")),
                new Type("sandals", 12, new String[][] {{"Sandal", "涼鞋"}, {"Slide", "拖鞋"}}, SHOE_SIZES,
                        List.of("black", "brown", "beige", "navy"), 590, 2880,
                        List.of("summer", "waterproof", "casual", "leather", "lightweight")),
                new Type("scarf", 10, new String[][] {{"Scarf", "圍巾"}}, NO_SIZE,
                        List.of("grey", "camel", "burgundy", "navy", "beige"), 690, 3880,
                        List.of("winter", "wool", "cashmere", "gift", "merino", "linen")),
                new Type("umbrella", 10, new String[][] {{"Umbrella", "雨傘"}, {"Folding Umbrella", "折疊傘"}},
                        NO_SIZE, List.of("black", "navy", "yellow", "red", "blue"), 390, 1780,
                        List.of("waterproof", "windproof", "lightweight", "packable", "uv-protection")),
                new Type("gloves", 9, new String[][] {{"Gloves", "手套"}}, List.of("S", "M", "L"),
                        List.of("black", "brown", "grey", "navy"), 490, 2180,
                        List.of("winter", "leather", "windproof", "insulated", "wool", "reflective")));

        private static final int TOTAL_WEIGHT = TYPES.stream().mapToInt(Type::weight).sum();

        private SyntheticCatalog() {
        }

        /** {@code count} products (ids 1..count), the same ones for the same seed. */
        static List<IndexedProduct> generate(int count, long seed) {
            Random r = new Random(seed);
            List<IndexedProduct> products = new ArrayList<>(count);
            for (int id = 1; id <= count; id++) {
                products.add(product(id, pickType(r), r));
            }
            return products;
        }

        private static Type pickType(Random r) {
            int w = r.nextInt(TOTAL_WEIGHT);
            for (Type t : TYPES) {
                w -= t.weight();
                if (w < 0) {
                    return t;
                }
            }
            throw new AssertionError();
        }

        private static IndexedProduct product(long id, Type type, Random r) {
            String gender = GENDERS[r.nextInt(GENDERS.length)];
            // One to three tags of the type's own, then the audience tag the demo catalog also carries.
            Set<String> tags = new LinkedHashSet<>();
            int tagCount = 1 + r.nextInt(3);
            while (tags.size() < tagCount) {
                tags.add(type.tags().get(r.nextInt(type.tags().size())));
            }
            String feature = tags.iterator().next();
            tags.add(gender.equals("female") ? "women" : gender.equals("male") ? "men" : "unisex");
            if (r.nextInt(12) == 0) {
                tags.add("gift");
            }

            String[] place = PLACES[r.nextInt(PLACES.length)];
            String[] noun = type.nouns()[r.nextInt(type.nouns().length)];
            String audience = gender.equals("female") ? "Women's " : gender.equals("male") ? "Men's " : "";
            String audienceZh = gender.equals("female") ? "女款" : gender.equals("male") ? "男款" : "";
            String featureEn = capitalise(feature);
            String title = place[0] + " " + audience + featureEn + " " + noun[0];
            String titleZh = place[1] + audienceZh + FEATURES.get(feature) + noun[1];
            List<String> otherFeatures = tags.stream().filter(FEATURES::containsKey).skip(1).toList();
            String description = "A " + feature + " " + noun[0].toLowerCase(Locale.ROOT) + " from "
                    + place[0] + (otherFeatures.isEmpty() ? "" : ", " + String.join(" and ", otherFeatures))
                    + ". Made to be worn every day, easy to care for.";
            String descriptionZh = "以" + FEATURES.get(feature) + "為特色的" + noun[1]
                    + otherFeatures.stream().map(FEATURES::get).reduce("", (a, b) -> a + "，" + b)
                    + "。日常好搭，容易保養。";
            String vendor = VENDORS[r.nextInt(VENDORS.length)];

            // Steps of 100 from the type's lowest price, so prices end like the demo catalog's (3980, 1290 …).
            int steps = (type.maxPrice() - type.minPrice()) / 100;
            int price = type.minPrice() + 100 * r.nextInt(steps + 1);
            // Popularity is skewed: a few products are far more popular than the rest.
            int popularity = (int) Math.round(Math.pow(r.nextDouble(), 3) * 1000);

            List<IndexedProduct.Variant> variants = variants(id, type, price, r);
            return new IndexedProduct(id, List.of(title, titleZh), List.of(description, descriptionZh), vendor,
                    type.name(), gender, List.copyOf(tags), popularity, variants);
        }

        /** One to eight variants: a few colours times a run of neighbouring sizes. */
        private static List<IndexedProduct.Variant> variants(long id, Type type, int price, Random r) {
            int wanted = 1 + r.nextInt(8);
            List<String> palette = new ArrayList<>(type.colors());
            java.util.Collections.shuffle(palette, r);
            List<String> sizes = type.sizes();
            int colorCount = sizes.size() <= 1 ? Math.min(wanted, palette.size())
                    : 1 + r.nextInt(Math.min(3, wanted));
            int sizeCount = sizes.isEmpty() ? 0 : Math.min(sizes.size(), (wanted + colorCount - 1) / colorCount);
            int firstSize = sizes.isEmpty() ? 0 : r.nextInt(sizes.size() - sizeCount + 1);
            List<IndexedProduct.Variant> variants = new ArrayList<>();
            for (int c = 0; c < colorCount && variants.size() < wanted; c++) {
                String color = palette.get(c);
                for (int s = 0; s < Math.max(1, sizeCount) && variants.size() < wanted; s++) {
                    Map<String, String> options = new LinkedHashMap<>();
                    String size = sizes.isEmpty() ? null : sizes.get(firstSize + s);
                    if (size != null) {
                        options.put("Size", size);
                    }
                    options.put("Color", color);
                    String sku = "B" + id + "-" + color.substring(0, 3).toUpperCase(Locale.ROOT)
                            + (size == null ? "" : "-" + size);
                    int variantPrice = price + (("XXL".equals(size) || "36".equals(size)) ? 200 : 0);
                    // About 10% sold out; the rest have a few to a few dozen units.
                    int available = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 8 : 60);
                    variants.add(new IndexedProduct.Variant(sku, options, BigDecimal.valueOf(variantPrice),
                            available));
                }
            }
            return variants;
        }

        private static String capitalise(String tag) {
            StringBuilder b = new StringBuilder();
            for (String part : tag.split("-")) {
                if (b.length() > 0) {
                    b.append('-');
                }
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            return b.toString();
        }
    }
}

package dev.parley.bench;

import dev.parley.rules.CompiledRules;
import dev.parley.rules.PricingFacts;
import dev.parley.rules.PricingRequest;
import dev.parley.rules.Quote;
import dev.parley.rules.RuleCompiler;
import dev.parley.rules.RuleFiles;
import dev.parley.rules.RuleResource;
import dev.parley.rules.facts.CartLine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing a 20-line cart against the demo rules plus 1,000 generated catalog promotions (a decision table of
 * 1,000 rows: percent or amount off by category, brand, tag and dates, as merchandisers author them), and
 * compiling that rule set (what publishing does before it stores and serves a version). Run with
 * {@code mvn -Pbench -Djmh.args="RulesBenchmark"} (see docs/benchmarks.md).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RulesBenchmark {

    static final List<String> CATEGORIES = List.of("coat", "sneakers", "jacket", "t-shirt", "pants", "shirt", "boots",
            "sweater", "dress", "bag", "hoodie", "hat", "backpack", "sandals", "jeans", "socks", "shorts", "skirt",
            "scarf", "umbrella", "gloves");
    static final List<String> BRANDS = List.of("Cloudsea Outfitters", "Pinecone Kids", "Swiftlet Run", "Sunny Alley",
            "Hualien Loom", "Blue Magpie Basics", "Lantern Street", "Tamsui Tide", "Dadaocheng Tailors", "Jiufen Lane",
            "Basalt Works", "Eastgate Commute", "Maple Ferry", "Plum Rain Co.", "Oolong Denim", "Yushan Ridge",
            "Kite & Compass");
    static final List<String> TAGS = List.of("winter", "summer", "waterproof", "office", "running", "kids", "linen", "wool");
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    /**
     * Writes the generated decision table (for timing a publish over HTTP):
     * {@code -Dbench.main=dev.parley.bench.RulesBenchmark -Dbench.args="target/generated-promotions.csv 1000"}.
     */
    public static void main(String[] args) throws java.io.IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<RuleResource> files = ruleSet(n);
        java.nio.file.Files.write(Path.of(args[0]), files.get(files.size() - 1).content());
        System.out.println("Wrote " + n + " promotions to " + args[0]);
    }

    /** The demo rule files plus a generated decision table of {@code promotions} catalog promotions. */
    static List<RuleResource> ruleSet(int promotions) {
        List<RuleResource> files = new ArrayList<>(RuleFiles.read(Path.of("rules")));
        StringBuilder csv = new StringBuilder();
        csv.append("RuleSet,promotions\nImport,dev.parley.rules.facts.Promotion\n\nRuleTable Generated promotions\n");
        csv.append("NAME,ACTION,ACTION,ACTION,ACTION,ACTION,ACTION,ACTION,ACTION,ACTION\n,,,,,,,,,\n");
        csv.append(",\"Promotion p = Promotion.offer(\"\"$param\"\");\",\"p.percent(\"\"$param\"\");\","
                + "\"p.amountEach(\"\"$param\"\");\",\"p.onCategory(\"\"$param\"\");\",\"p.onBrand(\"\"$param\"\");\","
                + "\"p.onTag(\"\"$param\"\");\",\"p.from(\"\"$param\"\");\",\"p.to(\"\"$param\"\");\","
                + "\"insert(p.checked());\"\n");
        csv.append("Offer,Code,Percent,Amount,Category,Brand,Tag,From,To,Live\n");
        Random random = new Random(20261130);
        for (int i = 0; i < promotions; i++) {
            boolean percent = random.nextBoolean();
            String category = random.nextInt(4) == 0 ? "" : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            String brand = category.isEmpty() || random.nextBoolean() ? BRANDS.get(random.nextInt(BRANDS.size())) : "";
            String tag = random.nextInt(5) == 0 ? TAGS.get(random.nextInt(TAGS.size())) : "";
            // About a third are outside their dates on the benchmark day (ended or not yet started).
            int window = random.nextInt(3);
            String from = window == 0 ? "2026-06-01" : window == 1 ? "2026-11-01" : "2027-01-01";
            String to = window == 0 ? "2026-08-31" : "2027-02-28";
            csv.append("Generated offer ").append(i).append(",GEN-").append(i).append(',')
                    .append(percent ? String.valueOf(5 + random.nextInt(30)) : "").append(',')
                    .append(percent ? "" : String.valueOf(50 + 50 * random.nextInt(10))).append(',')
                    .append(category).append(',').append(brand).append(',').append(tag).append(',')
                    .append(from).append(',').append(to).append(",yes\n");
        }
        files.add(RuleResource.ofText("promotions/generated.csv", csv.toString()));
        return files;
    }

    /** A 20-line cart over the catalog's categories and brands, seeded. */
    static List<CartLine> cart(int lines) {
        Random random = new Random(7);
        List<CartLine> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add(new CartLine("SKU-" + i, "product-" + i, "Product " + i,
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())), BRANDS.get(random.nextInt(BRANDS.size())),
                    Set.of(TAGS.get(random.nextInt(TAGS.size()))), 1 + random.nextInt(3),
                    BigDecimal.valueOf(300 + 100L * random.nextInt(40))));
        }
        return out;
    }

    /** The compiled rule set and a cart, built once per fork. */
    @State(Scope.Benchmark)
    public static class Compiled {

        @Param("1000")
        public int promotions;

        @Param("20")
        public int lines;

        CompiledRules rules;
        List<CartLine> cart;
        PricingRequest request;

        @Setup
        public void setUp() {
            rules = new RuleCompiler().compile(1, ruleSet(promotions));
            cart = cart(lines);
            request = new PricingRequest(List.of(), List.of("TAKE300"), new PricingRequest.Destination("TW", "106", "standard"),
                    new PricingRequest.Shopper("bench", "gold", false), DAY);
            // As the server's trial run does before a version serves: the first evaluation loads the rules.
            rules.evaluate(PricingFacts.facts(cart, "TWD", request, DAY, null),
                    new CompiledRules.Limits(10_000, java.time.Duration.ofMinutes(1)));
        }
    }

    /** One quote: facts built, rules fired under the fire and time limits, the quote's sums worked out. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 4)
    public Quote quoteCart(Compiled c) {
        List<Object> facts = PricingFacts.facts(c.cart, "TWD", c.request, DAY, null);
        CompiledRules.Evaluation ev = c.rules.evaluate(facts, CompiledRules.Limits.DEFAULT);
        return PricingFacts.quote(ev, 1, false, c.cart, Map.of(), Map.of(), "TWD", "en");
    }

    /** The rule files to generate once per fork. */
    @State(Scope.Benchmark)
    public static class Files {

        @Param("1000")
        public int promotions;

        List<RuleResource> files;

        @Setup
        public void setUp() {
            files = ruleSet(promotions);
        }
    }

    /**
     * What a publish computes before it stores and serves the version: compiling the whole rule set (both
     * bases) and the first, cold quote (the trial run that also warms the new version).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Quote compileAndFirstQuote(Files f) {
        CompiledRules rules = new RuleCompiler().compile(1, f.files);
        List<CartLine> cart = cart(20);
        PricingRequest request = new PricingRequest(List.of(), List.of(), null, null, DAY);
        CompiledRules.Evaluation ev = rules.evaluate(PricingFacts.facts(cart, "TWD", request, DAY, null),
                new CompiledRules.Limits(10_000, java.time.Duration.ofMinutes(1)));
        return PricingFacts.quote(ev, 1, false, cart, Map.of(), Map.of(), "TWD", "en");
    }
}

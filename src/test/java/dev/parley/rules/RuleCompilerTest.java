package dev.parley.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.DomainException;
import dev.parley.rules.facts.Cart;
import dev.parley.rules.facts.CartLine;
import dev.parley.rules.facts.Promotion;
import dev.parley.rules.facts.Today;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compiling rule sets: errors with their position, package/folder agreement, and the evaluation guard. */
class RuleCompilerTest {

    private static final String HEADER = "package promotions;\n\nimport dev.parley.rules.facts.*;\n\n";

    private final RuleCompiler compiler = new RuleCompiler();

    private static List<Object> cart() {
        List<CartLine> lines = List.of(new CartLine("S1", "h", "t", "coat", "b", Set.of(), 1, new BigDecimal("100")));
        List<Object> facts = new ArrayList<>(lines);
        facts.add(new Cart("TWD", lines));
        facts.add(new Today(LocalDate.of(2026, 11, 30)));
        return facts;
    }

    @Test
    void aSyntaxErrorIsReportedWithFileLineAndColumn() {
        String drl = HEADER + "rule \"Broken\"\nwhen\n    Cart( subtotal >>> 5 )\nthen\nend\n";
        DomainException e = assertThrows(DomainException.class,
                () -> compiler.compile(-1, List.of(RuleResource.ofText("promotions/broken.drl", drl))));
        assertEquals(DomainException.Kind.UNPROCESSABLE, e.kind());
        DomainException.Finding f = e.findings().get(0);
        assertEquals("promotions/broken.drl", f.field());
        assertEquals(7, f.line(), "the line of the bad constraint");
        assertTrue(f.column() != null && f.column() > 0, "a column is given: " + f);
    }

    @Test
    void aTypeErrorInAConsequenceIsReported() {
        String drl = HEADER + "rule \"Bad call\"\nwhen\n    $c : Cart()\nthen\n    $c.noSuchMethod();\nend\n";
        DomainException e = assertThrows(DomainException.class,
                () -> compiler.compile(-1, List.of(RuleResource.ofText("promotions/bad.drl", drl))));
        assertEquals("promotions/bad.drl", e.findings().get(0).field());
        assertTrue(e.findings().get(0).message().contains("noSuchMethod"), e.findings().toString());
    }

    @Test
    void thePackageMustMatchTheFolder() {
        String drl = "package pricing;\n\nrule \"Misplaced\"\nwhen\nthen\nend\n";
        DomainException e = assertThrows(DomainException.class,
                () -> compiler.compile(-1, List.of(RuleResource.ofText("promotions/misplaced.drl", drl))));
        assertTrue(e.findings().get(0).message().contains("expected 'package promotions;'"), e.findings().toString());
        assertEquals(1, e.findings().get(0).line());
    }

    @Test
    void aDecisionTableBecomesRules() {
        String csv = "RuleSet,promotions\nImport,dev.parley.rules.facts.Promotion\n\nRuleTable Offers\nNAME,ACTION,ACTION\n,,\n"
                + ",\"Promotion p = Promotion.offer(\"\"$param\"\");\",\"insert(p.percent(\"\"$param\"\"));\"\n"
                + "Offer,Code,Percent\nTen off,TEN,10\n";
        CompiledRules c = compiler.compile(-1, List.of(RuleResource.ofText("promotions/offers.csv", csv)));
        assertEquals(1, c.ruleCount());
        var ev = c.evaluate(List.of(new Today(LocalDate.of(2026, 11, 30))), CompiledRules.Limits.DEFAULT);
        assertEquals("TEN", ev.all(Promotion.class).get(0).getCode());
        assertEquals("Ten off", ev.ruleOf(ev.all(Promotion.class).get(0)));
    }

    @Test
    void anExcelDecisionTableBecomesRules() throws java.io.IOException {
        String[][] sheet = {
            {"RuleSet", "promotions"},
            {"Import", "dev.parley.rules.facts.Promotion"},
            {},
            {"RuleTable Workbook offers"},
            {"NAME", "ACTION", "ACTION"},
            {"", "", ""},
            {"", "Promotion p = Promotion.offer(\"$param\");", "insert(p.amountEach(\"$param\").onCategory(\"scarf\"));"},
            {"Offer", "Code", "Amount"},
            {"Scarves 150 off", "SCARF150", "150"}};
        byte[] xlsx;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var s = workbook.createSheet("Offers");
            for (int r = 0; r < sheet.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < sheet[r].length; c++) {
                    row.createCell(c).setCellValue(sheet[r][c]);
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        CompiledRules c = compiler.compile(-1, List.of(RuleResource.of("promotions/offers.xlsx", xlsx)));
        var ev = c.evaluate(List.of(new Today(LocalDate.of(2026, 11, 30))), CompiledRules.Limits.DEFAULT);
        Promotion p = ev.all(Promotion.class).get(0);
        assertEquals("SCARF150", p.getCode());
        assertEquals(new BigDecimal("150.00"), p.getAmount());
        assertEquals("Scarves 150 off", ev.ruleOf(p));
    }

    @Test
    void aBadFileNameIsRefused() {
        assertThrows(DomainException.class, () -> RuleResource.ofText("../etc/passwd.drl", HEADER));
        assertThrows(DomainException.class, () -> RuleResource.ofText("promotions/Offers.DRL", HEADER));
        assertThrows(DomainException.class, () -> RuleResource.ofText("promotions/offers.txt", HEADER));
    }

    @Test
    void aRuleThatRetriggersItselfIsCutOffAtTheFireLimit() {
        String drl = HEADER + "rule \"Loop forever\"\nwhen\n    Today()\nthen\n    insert(new Today(java.time.LocalDate.now()));\nend\n";
        CompiledRules c = compiler.compile(-1, List.of(RuleResource.ofText("promotions/loop.drl", drl)));
        RuleFailure f = assertThrows(RuleFailure.class,
                () -> c.evaluate(cart(), new CompiledRules.Limits(1000, Duration.ofSeconds(10))));
        assertEquals(RuleFailure.Cause.FIRE_LIMIT, f.failure());
        assertEquals("Loop forever", f.rule());
    }

    @Test
    void aSlowRuleSetIsCutOffAtTheTimeLimit() {
        String drl = HEADER + "rule \"Slow\"\nwhen\n    Today()\nthen\n    try { Thread.sleep(30); } catch (InterruptedException e) { }\n"
                + "    insert(new Today(java.time.LocalDate.now()));\nend\n";
        CompiledRules c = compiler.compile(-1, List.of(RuleResource.ofText("promotions/slow.drl", drl)));
        RuleFailure f = assertThrows(RuleFailure.class,
                () -> c.evaluate(cart(), new CompiledRules.Limits(1_000_000, Duration.ofMillis(100))));
        assertEquals(RuleFailure.Cause.TIMEOUT, f.failure());
    }

    @Test
    void aRuleThatThrowsIsReportedWithItsName() {
        String drl = HEADER + "rule \"Divide by zero\"\nwhen\n    Cart()\nthen\n    int x = 1 / (2 - 2);\nend\n";
        CompiledRules c = compiler.compile(-1, List.of(RuleResource.ofText("promotions/throws.drl", drl)));
        RuleFailure f = assertThrows(RuleFailure.class, () -> c.evaluate(cart(), CompiledRules.Limits.DEFAULT));
        assertEquals(RuleFailure.Cause.ERROR, f.failure());
        assertEquals("Divide by zero", f.rule());
        assertTrue(f.getMessage().contains("ArithmeticException"), f.getMessage());
    }

    @Test
    void declarationsAreEvaluatedOncePerDayAndSharedByCarts() {
        CompiledRules c = DemoRules.rules();
        assertTrue(c.declarationRules().contains("Winter coats 15% off"), "a decision-table row is a declaration");
        assertTrue(c.declarationRules().contains("Home delivery on the main island: NT$100, 1-3 days"));
        assertTrue(!c.declarationRules().contains("Percent off takes its share of each matching line"),
                "a rule with a condition is not");
        Promotion first = winter(c, LocalDate.of(2026, 12, 1));
        Promotion again = winter(c, LocalDate.of(2026, 12, 1));
        assertTrue(first == again, "the same day's declarations are computed once and shared");
        assertTrue(first != winter(c, LocalDate.of(2026, 12, 2)), "another day is computed afresh");
    }

    private static Promotion winter(CompiledRules c, LocalDate day) {
        List<Object> facts = new ArrayList<>(cart());
        facts.removeIf(f -> f instanceof Today);
        facts.add(new Today(day));
        return c.evaluate(facts, CompiledRules.Limits.DEFAULT).all(Promotion.class).stream()
                .filter(p -> p.getCode().equals("WINTER-COATS")).findFirst().orElseThrow();
    }

    @Test
    void theDemoRulesCompile() {
        CompiledRules c = compiler.compile(1, RuleFiles.read(Path.of("rules")));
        assertTrue(c.ruleCount() > 50, "rules: " + c.ruleCount());
    }
}

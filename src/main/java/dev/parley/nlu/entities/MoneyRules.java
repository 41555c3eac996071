package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Price bounds and currencies. An amount becomes {@code price_max} or {@code price_min} only with a bound cue
 * ("under", "以內", "between … and …", "budget", "左右"); a bare amount is never a price. Amounts in a message
 * about a threshold or a charge (free shipping over, 滿千折百, a coupon's value, "charged") are not bounds.
 * Span convention (the seed data's): a currency symbol written before the amount ({@code NT$}, {@code $}) is part
 * of the price span; a currency code or name ({@code USD}, {@code 台幣}, {@code RMB}) is a separate
 * {@code currency} entity; a unit after the amount ({@code 元}, {@code 塊}) is left out of the span.
 */
final class MoneyRules {

    private MoneyRules() {
    }

    private record Amount(int start, int end, int spanStart, int spanEnd, BigDecimal value, boolean marked,
            int currencyStart, int currencyEnd, String currency) {

        /** Where the amount and what is written before it (a symbol, a code) begin. */
        int leftEdge() {
            return currencyStart >= 0 && currencyStart < spanStart ? currencyStart : spanStart;
        }
    }

    /** Currency names and codes (folded, lower case) → ISO 4217. Longer alternatives first. */
    static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(
            Map.entry("new taiwan dollars", "TWD"), Map.entry("new taiwan dollar", "TWD"),
            Map.entry("taiwan dollars", "TWD"), Map.entry("taiwan dollar", "TWD"), Map.entry("nt dollars", "TWD"),
            Map.entry("us dollars", "USD"), Map.entry("us dollar", "USD"), Map.entry("american dollars", "USD"),
            Map.entry("hong kong dollars", "HKD"), Map.entry("hong kong dollar", "HKD"),
            Map.entry("singapore dollars", "SGD"), Map.entry("japanese yen", "JPY"), Map.entry("yen", "JPY"),
            Map.entry("euros", "EUR"), Map.entry("euro", "EUR"), Map.entry("renminbi", "CNY"),
            Map.entry("chinese yuan", "CNY"),
            Map.entry("新台币", "TWD"), Map.entry("台币", "TWD"), Map.entry("美金", "USD"), Map.entry("美元", "USD"),
            Map.entry("人民币", "CNY"), Map.entry("港币", "HKD"), Map.entry("港元", "HKD"), Map.entry("港纸", "HKD"),
            Map.entry("日币", "JPY"), Map.entry("日元", "JPY"), Map.entry("日圆", "JPY"), Map.entry("欧元", "EUR"),
            Map.entry("英镑", "GBP"), Map.entry("韩元", "KRW"), Map.entry("韩币", "KRW"), Map.entry("新币", "SGD"),
            Map.entry("新加坡币", "SGD"), Map.entry("马币", "MYR"), Map.entry("澳币", "AUD"));
    static final Map<String, String> CURRENCY_CODES = Map.ofEntries(Map.entry("USD", "USD"), Map.entry("TWD", "TWD"),
            Map.entry("NTD", "TWD"), Map.entry("HKD", "HKD"), Map.entry("JPY", "JPY"), Map.entry("CNY", "CNY"),
            Map.entry("RMB", "CNY"), Map.entry("EUR", "EUR"), Map.entry("GBP", "GBP"), Map.entry("SGD", "SGD"),
            Map.entry("KRW", "KRW"), Map.entry("MYR", "MYR"), Map.entry("AUD", "AUD"), Map.entry("CAD", "CAD"),
            Map.entry("US$", "USD"), Map.entry("HK$", "HKD"), Map.entry("S$", "SGD"));

    private static final String WORD_ALT = alternation();
    private static final Pattern CURRENCY = Pattern.compile(
            "(?<![A-Za-z])(USD|TWD|NTD|HKD|JPY|CNY|RMB|EUR|GBP|SGD|KRW|MYR|AUD|CAD)(?![A-Za-z])|(?i)(?<![A-Za-z])("
                    + WORD_ALT + ")(?![A-Za-z])");

    /** A symbol before the amount that belongs to the price span (the store's currency or an unstated one). */
    private static final Pattern PREFIX_SYMBOL = Pattern.compile("(?i)(nt\\$|nt ?\\$|nt|\\$|¥)\\s?$");
    private static final Pattern PREFIX_FOREIGN_SYMBOL = Pattern.compile("(?i)(us\\$|hk\\$|s\\$)\\s?$");
    private static final Pattern PREFIX_CODE = Pattern.compile(
            "(USD|TWD|NTD|HKD|JPY|CNY|RMB|EUR|新台币|台币|人民币|港币|美金|美元|日币)\\s?$");
    private static final Pattern SUFFIX_UNIT = Pattern.compile("^\\s?(块钱|块|元|圆|蚊|dollars?|bucks|nt)(?![A-Za-z])");
    private static final Pattern SUFFIX_CODE = Pattern.compile(
            "^\\s?(USD|TWD|NTD|HKD|JPY|CNY|RMB|EUR|新台币|台币|人民币|港币|港元|美金|美元|日币|日元)(?![A-Za-z])");
    /** What may follow an amount that is no money: units, classifiers, sizes, percentages. */
    private static final Pattern NOT_MONEY_AFTER = Pattern.compile("(?i)^\\s?(%|％|折|cm|mm|m\\b|km|kg|g\\b|lbs?|"
            + "inch|inches|\"|ft|feet|l\\b|ml|liters?|litres?|days?|weeks?|months?|years?|hours?|hrs?|mins?|minutes?|"
            + "times|pieces?|pcs|pairs?|items?|orders?|people|persons?|pack|packs|x\\b|号|码|公分|厘米|公斤|斤|克|公升|升|"
            + "天|日|号|月|年|岁|小时|分钟|点|件|双|条|个|把|顶|套|组|对|只|张|次|人|位|楼|寸|吋|度|米|公里|周|星期|礼拜|"
            + "笔|单|箱|盒|包|台|张|页|款|色|倍|成|分)");

    private static final Pattern MAX_BEFORE = Pattern.compile("(?i)(?:under|below|less than|lower than|cheaper than|"
            + "at most|up to|upto|max|maximum|max\\.|within|no more than|not more than|no higher than|not over|not above|"
            + "not exceeding|under about|under around|budget|budget is|budget of|budget around|budget about|"
            + "budget is about|budget is around|budget of about|budget up to|budget under|budget:|around|about|"
            + "approximately|approx\\.?|roughly|~|<|<=|≤|不超过|不超出|低于|少于|小于|最多|顶多|最高|预算|预算是|"
            + "预算大概|预算大约|预算约|预算在|预算只有|预算差不多|预算抓|预算抓在|大概|大约|约|不到|控制在|差不多|"
            + "别超过|不要超过|不要超出|价位|价格在|价钱在)\\s?$");
    private static final Pattern MIN_BEFORE = Pattern.compile("(?i)(?:over|above|more than|at least|starting at|"
            + "starting from|higher than|pricier than|>|>=|≥|超过|高于|大于|至少|最少|起码)\\s?$");
    private static final Pattern MAX_AFTER = Pattern.compile("(?i)^\\s?(?:以内|之内|以下|内|左右|上下|或以下|"
            + "or less|or under|or below|and under|and below|max|maximum|tops|at most|to spend|or cheaper|budget)");
    private static final Pattern MIN_AFTER = Pattern.compile("(?i)^\\s?(?:以上|起跳|起|往上|或以上|or more|and up|"
            + "and above|or above|\\+|plus|or higher)");
    private static final Pattern RANGE_SEP = Pattern.compile("(?i)^\\s?(?:-|~|～|to|到|至|and|或)\\s?");
    private static final Pattern BETWEEN = Pattern.compile("(?i)(?:between|from|价格|价钱|价位|预算|介于)\\s?$");
    /** Messages about a threshold, a coupon's value or a charge: their amounts are no price bounds. */
    private static final Pattern NOT_A_SEARCH = Pattern.compile("(?i)免运|包邮|运费|满(?!意)|shipping|delivery|minimum|"
            + "threshold|门槛|coupon|voucher|券|charged|扣了|扣款|refund|退款|(?<![a-z-])off(?![a-z-])|减\\d|减[一二两三四五六七八九十百千]|"
            + "折价|points|积分|点数|spend over|spend at least");
    private static final Pattern FROM = Pattern.compile("(?i)(?:from|starting)\\s?$");

    private static String alternation() {
        List<String> words = new ArrayList<>(CURRENCY_WORDS.keySet());
        words.sort((a, b) -> b.length() - a.length());
        return String.join("|", words.stream().map(Pattern::quote).toList());
    }

    static void run(Extraction x) {
        boolean suppressed = NOT_A_SEARCH.matcher(x.s).find();
        List<Amount> amounts = amounts(x);
        boolean[] used = new boolean[amounts.size()];
        // ranges first
        for (int i = 0; i + 1 < amounts.size(); i++) {
            Amount a = amounts.get(i);
            Amount b = amounts.get(i + 1);
            String gap = x.low.substring(a.end(), b.start());
            int gapStart = Math.min(afterUnit(x, a), b.spanStart());
            String gapFromSpan = x.low.substring(gapStart, b.spanStart());
            Matcher sep = RANGE_SEP.matcher(gapFromSpan);
            if (!sep.find() || sep.end() != gapFromSpan.length()) {
                continue;
            }
            String sepText = sep.group().strip().toLowerCase();
            boolean between = BETWEEN.matcher(x.before(a.leftEdge(), 12)).find();
            if ((sepText.equals("and") || sepText.equals("或")) && !between) {
                continue;
            }
            if (sepText.equals("to") && !between && !(moneyLike(a, x) && moneyLike(b, x))) {
                continue;
            }
            if (!(moneyLike(a, x) || moneyLike(b, x)) || a.value().compareTo(b.value()) >= 0
                    || !(significant(a) && significant(b)) && !between) {
                continue;
            }
            if (suppressed || notMoneyAfter(x, b)) {
                continue;
            }
            if (gap.contains("\n")) {
                continue;
            }
            emit(x, a, EntityType.PRICE_MIN);
            emit(x, b, EntityType.PRICE_MAX);
            used[i] = true;
            used[i + 1] = true;
            i++;
        }
        for (int i = 0; i < amounts.size(); i++) {
            if (used[i]) {
                continue;
            }
            Amount a = amounts.get(i);
            if (suppressed || notMoneyAfter(x, a)) {
                continue;
            }
            String before = x.before(a.leftEdge(), 24);
            int afterFrom = afterUnit(x, a);
            String after = x.after(afterFrom, 16);
            EntityType bound = null;
            if (MIN_AFTER.matcher(after).find()) {
                bound = EntityType.PRICE_MIN;
            } else if (MAX_AFTER.matcher(after).find()) {
                bound = EntityType.PRICE_MAX;
            } else if (MAX_BEFORE.matcher(before).find()) {
                bound = EntityType.PRICE_MAX;
            } else if (MIN_BEFORE.matcher(before).find() || a.marked() && FROM.matcher(before).find()) {
                bound = EntityType.PRICE_MIN;
            }
            if (bound == null || !significant(a) && !a.marked()) {
                continue;
            }
            if (!moneyLike(a, x)) {
                continue;
            }
            emit(x, a, bound);
        }
        // currency names and codes not attached to a price
        Matcher m = CURRENCY.matcher(x.s);
        while (m.find()) {
            String code = m.group(1) != null ? CURRENCY_CODES.get(m.group(1))
                    : CURRENCY_WORDS.get(m.group(2).toLowerCase());
            if (code != null) {
                x.claim(EntityType.CURRENCY, code, m.start(), m.end());
            }
        }
    }

    private static boolean significant(Amount a) {
        return a.value().compareTo(BigDecimal.valueOf(10)) >= 0;
    }

    /** A currency marker, a k or Chinese magnitude, or at least 100. */
    private static boolean moneyLike(Amount a, Extraction x) {
        if (a.marked()) {
            return true;
        }
        return a.value().compareTo(BigDecimal.valueOf(100)) >= 0;
    }

    private static boolean notMoneyAfter(Extraction x, Amount a) {
        return NOT_MONEY_AFTER.matcher(x.after(a.end(), 10)).find();
    }

    private static int afterUnit(Extraction x, Amount a) {
        int at = a.end();
        Matcher unit = SUFFIX_UNIT.matcher(x.after(at, 8));
        if (unit.find()) {
            at += unit.end();
        }
        Matcher code = SUFFIX_CODE.matcher(x.s.substring(Math.min(at, x.s.length()), Math.min(x.s.length(), at + 8)));
        if (code.find()) {
            at += code.end();
        }
        return at;
    }

    private static void emit(Extraction x, Amount a, EntityType type) {
        if (!x.free(a.spanStart(), a.spanEnd())) {
            return;
        }
        x.claim(type, Amounts.format(a.value()), a.spanStart(), a.spanEnd());
        if (a.currency() != null && a.currencyStart() >= 0) {
            x.claim(EntityType.CURRENCY, a.currency(), a.currencyStart(), a.currencyEnd());
        }
    }

    private static List<Amount> amounts(Extraction x) {
        List<Amount> out = new ArrayList<>();
        Matcher m = Amounts.AMOUNT.matcher(x.s);
        while (m.find()) {
            String token = m.group();
            int start = m.start();
            int end = m.end();
            if (!x.free(start, end)) {
                continue;
            }
            // no letters glued on either side (codes, sizes like 25L, order numbers) but a currency code
            String glued = x.s.substring(Math.max(0, start - 8), start);
            if (Character.isLetter(x.at(start - 1)) && x.at(start - 1) < 0x80
                    && !(PREFIX_CODE.matcher(glued).find() || PREFIX_SYMBOL.matcher(glued).find())
                    || Character.isLetter(x.at(end)) && x.at(end) < 0x80) {
                continue;
            }
            boolean chinese = !Amounts.isArabic(token);
            BigDecimal value = Amounts.parse(token);
            if (value == null || value.signum() <= 0) {
                continue;
            }
            if (chinese && !Amounts.hasMagnitude(token)) {
                continue;
            }
            boolean marked = Amounts.hasMagnitude(token);
            int spanStart = start;
            int spanEnd = end;
            int curStart = -1;
            int curEnd = -1;
            String currency = null;
            String before = x.s.substring(Math.max(0, start - 8), start);
            Matcher sym = PREFIX_FOREIGN_SYMBOL.matcher(before);
            Matcher own = PREFIX_SYMBOL.matcher(before);
            Matcher code = PREFIX_CODE.matcher(before);
            if (sym.find()) {
                curStart = start - before.length() + sym.start(1);
                curEnd = curStart + sym.group(1).length();
                currency = CURRENCY_CODES.get(sym.group(1).toUpperCase());
                marked = true;
            } else if (own.find()) {
                int symStart = start - before.length() + own.start(1);
                if (!x.isTaken(symStart) && !Character.isLetter(x.at(symStart - 1))) {
                    spanStart = symStart;
                    marked = true;
                    if (own.group(1).equals("¥")) {
                        currency = x.language.equals("zh-CN") ? "CNY" : "JPY";
                    }
                }
            } else if (code.find()) {
                curStart = start - before.length() + code.start(1);
                curEnd = curStart + code.group(1).length();
                String c = code.group(1);
                currency = CURRENCY_CODES.getOrDefault(c, CURRENCY_WORDS.get(c));
                marked = true;
            }
            Matcher unit = SUFFIX_UNIT.matcher(x.after(end, 8));
            int afterUnit = end;
            if (unit.find()) {
                marked = true;
                afterUnit = end + unit.end();
            }
            Matcher suffixCode = SUFFIX_CODE.matcher(x.s.substring(afterUnit, Math.min(x.s.length(), afterUnit + 8)));
            if (suffixCode.find() && currency == null) {
                curStart = afterUnit + suffixCode.start(1);
                curEnd = afterUnit + suffixCode.end(1);
                String c = suffixCode.group(1);
                currency = CURRENCY_CODES.getOrDefault(c, CURRENCY_WORDS.get(c));
                marked = true;
            }
            if (currency != null && curStart >= 0 && !x.free(curStart, curEnd)) {
                curStart = -1;
            }
            out.add(new Amount(start, end, spanStart, spanEnd, value, marked, curStart, curEnd, currency));
        }
        return out;
    }
}

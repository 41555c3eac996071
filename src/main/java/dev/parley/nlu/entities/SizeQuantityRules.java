package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes and quantities. Explicit forms first: letter sizes ({@code M}, {@code XL}, {@code M號}, {@code size m},
 * {@code 中號}), cued numbers ({@code US 9}, {@code size 9}, {@code 42碼}, {@code 歐碼43}, {@code 腰圍30}, {@code 25L}),
 * counted things ({@code 兩件}, {@code 3 pairs}, {@code x2}, {@code two of those}). Then a bare number is read by
 * its neighbours: a size only in a size context (a wearable category, a size word, another size) and in a size
 * range (shoes 4–15 and halves, EU 34–48, waist 24–40, kids 80–170 in tens), a quantity after a cart verb or
 * before "of"/"pairs"/a category; otherwise nothing (heights, weights, ages, days are never sizes).
 * Span conventions (the seed data's majority): a suffix {@code 號/碼} and the prefix {@code US} are part of the
 * span; {@code size}, {@code EU}, {@code 歐碼/美碼}, {@code 腰圍} before the number and {@code 腰}/{@code waist}
 * after it are not; a Chinese classifier is part of a quantity ({@code 兩件}), an English noun is not
 * ({@code [3] pairs}).
 */
final class SizeQuantityRules {

    private SizeQuantityRules() {
    }

    private static final Pattern LETTER = Pattern.compile(
            "(XXXL|XXL|XL|XXS|XS|[2-5]XL|S|M|L|xxxl|xxl|xl|xxs|xs|[2-5]xl|s|m|l)"
                    + "(?![A-Za-z0-9'&\\-/])(\\s?(?:号码|号|码))?");
    private static final Pattern CN_LETTER = Pattern.compile("(加大|特大)?(大|中|小)(号|码)(?!码)");
    private static final Pattern US = Pattern.compile(
            "(?i)(?<![A-Za-z])(us|美码|美国码)\\s?(?:size\\s?)?(\\d{1,2}(?:\\.5)?)(?![\\d.])");
    private static final Pattern CUED = Pattern.compile(
            "(?i)(?:(?<![A-Za-z])(?:eu|uk|jp|size|sizes|size:|尺寸|尺码|码数|欧码|欧洲码|英码|日码|码)|size是|尺寸是|穿)\\s?:?\\s?"
                    + "(\\d{1,3}(?:\\.5)?)(?![\\d.%])(?!\\s?(?:cm|kg|公分|公斤|厘米|斤|岁|years?|件|个|条|双|号|码))");
    private static final Pattern SUFFIXED = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.5)?)\\s?(号码|号|码)");
    private static final Pattern WAIST_BEFORE = Pattern.compile("(?i)(?:腰围|(?<![A-Za-z])waist(?: size)?)\\s?(?:is\\s)?:?\\s?(\\d{2})(?![\\d.])");
    private static final Pattern WAIST_AFTER = Pattern.compile("(?i)(?<![\\d.])(\\d{2})\\s?(?:腰|(?:inch )?waist)");
    private static final Pattern LITRES = Pattern.compile("(?<![A-Za-z0-9.])(\\d{1,2})\\s?(L|l|公升|升)(?![A-Za-z])");
    private static final Pattern LIST_NEXT = Pattern.compile(
            "^\\s?(?:,|，|、|/|and|or|to|和|跟|或|还是|到)\\s?(\\d{1,3}(?:\\.5)?)(?![\\d.%])(\\s?(?:号|码))?");
    private static final Pattern UNIT_AFTER = Pattern.compile("(?i)^\\s?(cm|mm|公分|厘米|kg|公斤|斤|lbs?|pounds|g\\b|"
            + "inch|inches|in\\.|\"|吋|寸|ft|feet|岁|歲|year|years|yr|months?|weeks?|days?|天|日|hours?|hrs?|小时|分钟|minutes?|"
            + "mins?|%|％|percent|折|元|块|dollars?|bucks|ntd|twd|usd|k\\b|万|千|百|人|次|楼|号楼|点|月|年|周|星期|礼拜|"
            + "个月|倍|度|°|米|m\\b|km|公里|l\\b|ml|升|分|秒|位|台|楼|层|-|~)");

    private static final Pattern CN_COUNT = Pattern.compile(
            "(?<![\\d.])(\\d{1,3}|[一二两三四五六七八九十]{1,3})\\s?(件|双|条|个|把|顶|套|组|对|盒|箱|副|支)");
    private static final Pattern CN_COUNT_BLOCK = Pattern.compile(
            "^(包裹|颜色|顔色|星期|礼拜|月|人|小时|工作|问题|地址|订单|字|码|尺码|号|款|真人|客服|单|优惠|券|方式|牌子|品牌|选择|"
                    + "理由|原因|东西|链接|网址|页面|月份|钟|号码|尺寸|size|版本|账号|帐号|门市|小孩|孩子|朋友|新的|收货|都)");
    private static final Pattern CN_ONE_VERB = Pattern.compile(
            "(?:再加|加多|加入|追加|加购|多|来|要|买|放|拍|留|改成|改为|改|减为|减成|减到|只要|订|剩|只剩|退其中|多买|入|再)\\s?$");
    private static final Pattern CN_ONE_BLOCK = Pattern.compile("(?:想买|想要|需要|推荐|挑|求|换|各|少要|少买|删|减|去掉|掉|了)\\s?$");
    private static final Pattern EN_WORD_COUNT = Pattern.compile(
            "(?i)(?<![A-Za-z])(one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a dozen)(?![A-Za-z])");
    private static final Pattern PAIR_OF = Pattern.compile("(?i)(?<=\\b(?:add|buy|get|order|want|need|take|put) )(a pair)(?= of )");
    private static final Pattern TIMES = Pattern.compile("(?i)(?<![A-Za-z0-9])[x×*]\\s?(\\d{1,3})(?![\\d.A-Za-z])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.A-Za-z$])(?<!\\d,)(\\d{1,3}(?:\\.5)?)(?![\\d.,]?\\d)");
    private static final Pattern COMPARE = Pattern.compile("(?i)compare|comparison|\\bvs\\b|versus|difference|\\bdiff\\b|"
            + "which (one|is|of)|哪件|哪双|哪个|哪种|哪款|哪条|哪顶|哪把|比较|比一比|对比|差在|差别|差异|差多少|差不多|区别|不一样|选哪|优缺点");
    private static final Pattern PROMO = Pattern.compile("(?i)buy \\d+ get \\d+|买一送一|买\\d送\\d|第二件|top \\d+");
    private static final Pattern CART_VERB_BEFORE = Pattern.compile(
            "(?i)(?:add|put|buy|purchase|order|get|grab|加入|再加|加多|加购|买|要|来|订|放)\\s?$");

    private static final Set<String> QTY_NEXT = Extraction.words("of", "pairs", "pair", "items", "item", "more", "pcs", "pieces",
            "piece", "units", "unit", "sets", "packs", "pack");
    private static final Set<String> QTY_PREV = Extraction.words("add", "put", "buy", "want", "need", "get", "grab", "take",
            "order", "purchase", "return", "returning", "remove", "cancel", "have", "for", "adding", "buying", "ordering",
            "need", "ordered", "bought", "returned", "qty", "quantity", "only", "exchange", "exchanging", "delete");
    private static final Set<String> SIZE_PREV = Extraction.words("in", "size", "sizes", "wear", "the", "a", "an", "or", "and",
            "for", "to", "usually", "normally", "got", "is", "need", "get", "instead", "take", "than", "from", "between",
            "men's", "women's", "mens", "womens", "kids", "kids'", "ladies", "unisex", "eu", "us", "uk", "my", "not");
    private static final Set<String> WORD_COUNTS = Extraction.words("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten");
    private static final Pattern SIZE_CONTEXT = Pattern.compile("(?i)size|sizes|sizing|fit|fits|tight|loose|small|"
            + "big|large|wear|waist|shoe|shoes|foot|feet|pair|exchange|swap|尺寸|尺码|码|号|穿|紧|松|偏大|偏小|大一|小一|鞋|"
            + "双|腰|换|合身|断码|补货|有货|还有|库存|stock|available|restock|in stock");
    private static final Pattern HEIGHT_PREV = Pattern.compile("(?i)(身高|高|我|他|她|体重|肩宽|胸围|臀围|臂长|tall|"
            + "height|weigh|weighs|am|i'm|im|大概|约|才|今年|age|aged|bust|hip|hips|chest|代码|错误)\\s?$");
    private static final Pattern QTY_CONTEXT = Pattern.compile("(?i)quantity|qty|数量|reduce|lower|decrease|increase|"
            + "make it|change it from|减到|减为|减成|改成|改为|改");

    static void run(Extraction x, boolean[] categoryAt, boolean[] vocabCover, boolean apparel) {
        explicitSizes(x, vocabCover);
        explicitQuantities(x, categoryAt);
        bareNumbers(x, categoryAt, apparel);
    }

    // ----- sizes -----

    private static void explicitSizes(Extraction x, boolean[] vocabCover) {
        Matcher m = US.matcher(x.s);
        while (m.find()) {
            boolean latin = m.group(1).equalsIgnoreCase("us");
            int start = latin ? m.start() : m.start(2);
            if (shoeRange(m.group(2)) && claimSize(x, m.group(2), start, m.end(2))) {
                extendList(x, m.end(2));
            }
        }
        m = WAIST_BEFORE.matcher(x.s);
        while (m.find()) {
            if (waistRange(m.group(1)) && !unitAfter(x, m.end(1))) {
                claimSize(x, m.group(1), m.start(1), m.end(1));
            }
        }
        m = WAIST_AFTER.matcher(x.s);
        while (m.find()) {
            if (waistRange(m.group(1)) && !x.before(m.start(), 8).matches("(?s).*(i'm a|i am a|i'm|my|我是|我)\\s?$")) {
                claimSize(x, m.group(1), m.start(1), m.end(1));
            }
        }
        m = SUFFIXED.matcher(x.s);
        while (m.find()) {
            String n = m.group(1);
            if (!anySizeRange(n) || dateLike(x, m.start(), m.end())) {
                continue;
            }
            if (claimSize(x, n, m.start(1), m.end())) {
                extendList(x, m.end());
            }
        }
        m = CUED.matcher(x.s);
        while (m.find()) {
            String n = m.group(1);
            if (anySizeRange(n) && claimSize(x, n, m.start(1), m.end(1))) {
                extendList(x, m.end(1));
            }
        }
        m = LITRES.matcher(x.s);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 5 && n <= 90) {
                x.claim(EntityType.SIZE, n + "L", m.start(), m.end());
            }
        }
        m = CN_LETTER.matcher(x.s);
        while (m.find()) {
            String before = x.before(m.start(), 1);
            if (before.equals("一") || before.equals("偏")) {
                continue;
            }
            String v = m.group(1) != null ? (m.group(1).equals("特大") ? "XXL" : "XL")
                    : switch (m.group(2)) {
                        case "大" -> "L";
                        case "中" -> "M";
                        default -> "S";
                    };
            x.claim(EntityType.SIZE, v, m.start(), m.end());
        }
        m = LETTER.matcher(x.s);
        boolean cjk = x.s.codePoints().anyMatch(c -> c < 0x10000 && FoldedText.isHan((char) c));
        while (m.find()) {
            String letter = m.group(1);
            boolean suffix = m.group(2) != null;
            boolean single = letter.length() == 1;
            boolean upper = letter.equals(letter.toUpperCase(Locale.ROOT));
            char glued = x.at(m.start() - 1);
            if ((Extraction.isLatinOrDigit(glued) || "'&./-".indexOf(glued) >= 0) && m.start() > 0
                    && !(Character.isLetter(glued) && vocabCover[m.start() - 1])) {
                continue;
            }
            String prev = x.wordBefore(m.start());
            char prevChar = prevNonSpace(x, m.start());
            if (letter.equalsIgnoreCase("l") && x.before(m.start(), 3).matches("(?s).*(多少|几|幾)\\s?$")) {
                continue;
            }
            if (Character.isDigit(prevChar) && letter.equalsIgnoreCase("l")) {
                continue;
            }
            if (single) {
                boolean sizeCue = prev.equals("size") || prev.equals("sizes")
                        || x.before(m.start(), 4).matches("(?s).*(尺寸|尺码|穿|size是|码数|尺寸是)\\s?$");
                if (!upper && !suffix && !sizeCue) {
                    continue;
                }
                if (upper && !suffix && !sizeCue && !cjk && Extraction.words("plan", "vitamin", "type", "grade", "class",
                        "section", "part", "mr", "dr", "st", "model", "version", "option", "point").contains(prev)) {
                    continue;
                }
                if (upper && !suffix && x.at(m.end()) == '.' && Character.isLetter(x.at(m.end() + 1))) {
                    continue;
                }
            }
            String v = letter.toUpperCase(Locale.ROOT);
            v = switch (v) {
                case "2XL" -> "XXL";
                case "3XL" -> "XXXL";
                default -> v;
            };
            x.claim(EntityType.SIZE, v, m.start(1), suffix ? m.end(2) : m.end(1));
        }
    }

    private static char prevNonSpace(Extraction x, int i) {
        int j = i - 1;
        while (j >= 0 && x.s.charAt(j) == ' ') {
            j--;
        }
        return j < 0 ? ' ' : x.s.charAt(j);
    }

    private static void extendList(Extraction x, int end) {
        int at = end;
        for (int k = 0; k < 4; k++) {
            Matcher next = LIST_NEXT.matcher(x.s.substring(at));
            if (!next.find() || !anySizeRange(next.group(1)) || unitAfter(x, at + next.end(1))) {
                return;
            }
            int e = next.group(2) != null ? at + next.end(2) : at + next.end(1);
            if (!claimSize(x, next.group(1), at + next.start(1), e)) {
                return;
            }
            at = e;
        }
    }

    private static boolean claimSize(Extraction x, String number, int start, int end) {
        if (unitAfter(x, end)) {
            return false;
        }
        return x.claim(EntityType.SIZE, Amounts.format(new BigDecimal(number)), start, end);
    }

    private static boolean dateLike(Extraction x, int start, int end) {
        return x.before(start, 2).matches("(?s).*(月|几|幾|每|第)$")
                || x.after(end, 4).matches("(?s)^\\s?(前|之前|到货|出货|发货|送达|送到|寄|那天|当天|下单|左右|会到|到|开始|截止|以前|晚上|早上|中午|下午).*");
    }

    private static boolean unitAfter(Extraction x, int end) {
        return UNIT_AFTER.matcher(x.after(end, 8)).find();
    }

    private static double num(String n) {
        return Double.parseDouble(n);
    }

    private static boolean shoeRange(String n) {
        double v = num(n);
        return v >= 3 && v <= 16 || v >= 33 && v <= 49;
    }

    private static boolean waistRange(String n) {
        double v = num(n);
        return v >= 22 && v <= 44 && v == Math.floor(v);
    }

    private static boolean kidsRange(String n) {
        double v = num(n);
        return v >= 80 && v <= 170 && v % 10 == 0;
    }

    private static boolean anySizeRange(String n) {
        return shoeRange(n) || waistRange(n) || kidsRange(n);
    }

    // ----- quantities -----

    private static void explicitQuantities(Extraction x, boolean[] categoryAt) {
        boolean compare = COMPARE.matcher(x.s).find();
        boolean promo = PROMO.matcher(x.s).find();
        Matcher m = CN_COUNT.matcher(x.s);
        while (m.find()) {
            String n = m.group(1);
            int q = Amounts.count(n);
            if (q <= 0 || q > 999 || promo) {
                continue;
            }
            String before = x.before(m.start(), 6);
            String after = x.after(m.end(), 8);
            if (before.endsWith("第") || before.endsWith("每") || CN_COUNT_BLOCK.matcher(after).find()) {
                continue;
            }
            boolean verb = CART_VERB_BEFORE.matcher(before).find() || CN_ONE_VERB.matcher(before).find();
            if (compare && !verb) {
                continue;
            }
            if (q == 1 && !Character.isDigit(n.charAt(0))) {
                if (!CN_ONE_VERB.matcher(before).find() || CN_ONE_BLOCK.matcher(before).find()) {
                    continue;
                }
            }
            x.claim(EntityType.QUANTITY, String.valueOf(q), m.start(), m.end());
        }
        m = TIMES.matcher(x.s);
        while (m.find()) {
            x.claim(EntityType.QUANTITY, String.valueOf(Integer.parseInt(m.group(1))), m.start(1), m.end(1));
        }
        m = PAIR_OF.matcher(x.s);
        while (m.find()) {
            x.claim(EntityType.QUANTITY, "1", m.start(1), m.end(1));
        }
        m = EN_WORD_COUNT.matcher(x.s);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            String next = x.wordAfter(m.end());
            String prev = x.wordBefore(m.start());
            boolean prevVerb = Extraction.words("add", "put", "buy", "want", "take", "need", "grab", "get",
                    "purchase", "exchange", "return", "yes", "just").contains(prev);
            boolean nextOk = QTY_NEXT.contains(next) || nextIsCategory(x, m.end(), categoryAt);
            if (promo || Extraction.words("the", "these", "those", "all", "top", "both", "of", "other", "any", "every")
                    .contains(prev)) {
                continue;
            }
            if (w.equals("one")) {
                if (!(next.equals("pair") || next.equals("pairs") || prev.equals("want") && !next.equals("of"))) {
                    continue;
                }
            } else if (compare && !prevVerb) {
                continue;
            }
            if (next.equals("of") && !x.after(m.end(), 14).matches("(?s)\\s?of (them|these|those|the|it|my|each).*")) {
                continue;
            }
            if (nextOk || prevVerb) {
                int q = switch (w) {
                    case "one" -> 1;
                    case "two", "a couple of" -> 2;
                    case "three" -> 3;
                    case "four" -> 4;
                    case "five" -> 5;
                    case "six" -> 6;
                    case "seven" -> 7;
                    case "eight" -> 8;
                    case "nine" -> 9;
                    case "ten" -> 10;
                    default -> 12;
                };
                x.claim(EntityType.QUANTITY, String.valueOf(q), m.start(), m.end());
            }
        }
    }

    private static boolean nextIsCategory(Extraction x, int end, boolean[] categoryAt) {
        int j = end;
        while (j < x.s.length() && x.s.charAt(j) == ' ') {
            j++;
        }
        return j < categoryAt.length && categoryAt[j];
    }

    // ----- bare numbers -----

    private static void bareNumbers(Extraction x, boolean[] categoryAt, boolean apparel) {
        boolean sizeContext = apparel || SIZE_CONTEXT.matcher(x.s).find()
                || x.found.stream().anyMatch(f -> f.type() == EntityType.SIZE);
        boolean qtyContext = QTY_CONTEXT.matcher(x.s).find();
        boolean compare = COMPARE.matcher(x.s).find();
        boolean promo = PROMO.matcher(x.s).find();
        Matcher m = NUMBER.matcher(x.s);
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            if (!x.free(start, end) || unitAfter(x, end)) {
                continue;
            }
            char before = x.at(start - 1);
            char after = x.at(end);
            String n = m.group(1);
            if (after == '号' || after == '码' || before == '-' || before == '/' || after == '/' || before == '#' || before == '+' || after == ':'
                    || before == ':' && Character.isDigit(x.at(start - 2)) || Character.isLetter(after) && after < 0x80
                    || n.length() > 1 && n.charAt(0) == '0' || before == '双' && (n.equals("11") || n.equals("12"))) {
                continue;
            }
            double v = num(n);
            boolean decimal = n.contains(".");
            String prev = x.wordBefore(start);
            String next = x.wordAfter(end);
            String cnBefore = x.before(start, 4);
            boolean heightPrev = HEIGHT_PREV.matcher(x.before(start, 6)).find();
            // quantity
            if (!decimal && v >= 1 && v <= 99 && !promo) {
                boolean cartVerb = QTY_PREV.contains(prev) && v <= 20
                        && !(prev.equals("for") && !x.before(start, 12).contains("enough"));
                boolean qty = QTY_NEXT.contains(next) && !(next.equals("of") && compare)
                        || nextIsCategory(x, end, categoryAt) && v <= 20 && (!compare || cartVerb)
                        && !(compare && Extraction.words("the", "these", "those", "top", "all", "both").contains(prev))
                        || qtyContext && v <= 20 && (Extraction.words("to", "it", "quantity", "qty", "of").contains(prev)
                                || cnBefore.matches("(?s).*(数量|改成|改为|改|减成|减为|减到|从|为|成)\\s?$"))
                        || cartVerb
                        || cnBefore.matches("(?s).*(数量|加购|来|买|要|订)\\s?$") && v <= 20 && !sizeContext;
                if (qty && !(prev.equals("for") && v >= 4 && !x.before(start, 12).contains("enough")) && !(shoeRange(n) && prev.equals("need") && sizeContext
                        && !QTY_NEXT.contains(next))) {
                    x.claim(EntityType.QUANTITY, String.valueOf((int) v), start, end);
                    continue;
                }
            }
            if (heightPrev || next.equals("waist") || next.equals("year") || next.equals("years")
                    || x.before(start, 14).matches("(?s).*(son|daughter|kid|child|boy|girl|he|she|he's|she's) is\\s?$")) {
                continue;
            }
            if (kidsRange(n) && !Extraction.words("add", "put", "buy", "order", "purchase", "grab", "remove", "cancel",
                    "return").contains(prev)) {
                x.claim(EntityType.SIZE, Amounts.format(new BigDecimal(n)), start, end);
                continue;
            }
            if (decimal && shoeRange(n)) {
                x.claim(EntityType.SIZE, Amounts.format(new BigDecimal(n)), start, end);
                continue;
            }
            if (!sizeContext) {
                continue;
            }
            boolean trigger = SIZE_PREV.contains(prev) || sizeCnPrev(cnBefore)
                    || x.found.stream().anyMatch(f -> f.type() == EntityType.GENDER && f.end() >= start - 2 && f.end() <= start)
                    || before == ',' || before == ' ' && x.before(start, 2).startsWith(",")
                    || start == 0 || isHanAt(x, start - 1) || isHanAt(x, end);
            if (v >= 4 && trigger && (shoeRange(n) || waistRange(n))) {
                x.claim(EntityType.SIZE, Amounts.format(new BigDecimal(n)), start, end);
            }
        }
    }

    private static boolean isHanAt(Extraction x, int i) {
        return i >= 0 && i < x.s.length() && FoldedText.isHan(x.s.charAt(i));
    }

    private static boolean sizeCnPrev(String before) {
        return before.matches("(?s).*(穿|换|换成|换到|选|拿|买|是|还是|跟|和|或|到|要|有|还有|补|码|号|平时|平常|那双|这双|那件|这件)\\s?$");
    }
}

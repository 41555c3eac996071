package dev.parley.conversation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message says about the conversation itself rather than the catalog, in English and Chinese: which
 * of the products shown it points at ("the second one", "第二個", "the last one"), "this one", "cheaper" or
 * "more expensive", "one more" ("再加一件"), and the shopper's questions about their memory ("what do you
 * remember about me", "forget me", "忘記我的資料").
 *
 * @param ordinal the position among the products shown (1 for the first, -1 for the last), or 0
 * @param deictic the message points at a product already in the conversation ("this one", "it", "那件")
 * @param direction -1 for cheaper, +1 for more expensive, 0 for neither
 * @param oneMore "one more of the same"
 * @param recall "what do you remember about me?"
 * @param forget "forget me"
 * @param question the message is phrased as a question ("?", "嗎", "do you have …")
 */
public record Cues(int ordinal, boolean deictic, int direction, boolean oneMore, boolean recall, boolean forget,
        boolean question) {

    private static final Map<String, Integer> EN_ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("1st", 1),
            Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3), Map.entry("3rd", 3),
            Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("fifth", 5), Map.entry("5th", 5),
            Map.entry("sixth", 6), Map.entry("6th", 6), Map.entry("last", -1));
    private static final String ZH_DIGITS = "一二三四五六七八九";

    private static final Pattern EN_ORDINAL = Pattern.compile(
            "\\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|last)\\b(?!\\s+(order|time|purchase|name))");
    private static final Pattern EN_NUMBERED = Pattern.compile("(?:\\bnumber\\s*|\\bno\\.\\s*|\\boption\\s*|#)([1-9])\\b");
    private static final Pattern ZH_ORDINAL = Pattern.compile("第\\s*([一二三四五六七八九1-9])\\s*(?:個|个|件|款|雙|双|項|项|種|种|樣|样|把|頂|顶|條|条|只|隻)?");
    private static final Pattern ZH_LAST = Pattern.compile("最後(?:一|那)|最后(?:一|那)");
    private static final Pattern EN_DEICTIC = Pattern.compile("\\b(this|that|it|these|those)\\b(?:\\s+one)?");
    private static final Pattern ZH_DEICTIC = Pattern.compile("這(?:個|件|款|雙|頂|條|把|只)|这(?:个|件|款|双|顶|条|把|只)|那(?:個|件|款|雙|頂|條|把|只)|那(?:个|件|款|双|顶|条|把|只)|它");
    private static final Pattern CHEAPER = Pattern.compile("\\b(cheaper|less expensive|lower price[sd]?|more affordable|"
            + "lower budget|something cheaper)\\b|便宜|平價|平价|實惠|实惠|低價|低价|預算低|预算低");
    private static final Pattern PRICIER = Pattern.compile("\\b(more expensive|pricier|higher[- ]end|more premium|"
            + "better quality)\\b|貴一點|贵一点|貴一些|贵一些|高級一點|高级一点|更高級|更高级|好一點的|好一点的");
    private static final Pattern ONE_MORE = Pattern.compile("\\b(one more|another one|add another|same again)\\b|"
            + "再(?:加|來|来|買|买|拿)?一(?:件|個|个|雙|双|條|条|頂|顶|份)|多(?:加)?一(?:件|個|个|雙|双)");
    private static final Pattern RECALL = Pattern.compile("\\bwhat do you (?:know|remember) about me\\b|"
            + "\\bwhat (?:have you|did you) (?:saved?|stored?|remember(?:ed)?|learn(?:ed|t)?)\\b|"
            + "\\bremember (?:anything )?about me\\b|"
            + "記得(?:我|關於我)|记得(?:我|关于我)|(?:知道|記住|记住)(?:了)?(?:我|關於我|关于我)(?:的)?(?:什麼|什么|哪些)");
    private static final Pattern FORGET = Pattern.compile("\\bforget (?:me|about me|my (?:data|details|preferences|sizes?))\\b|"
            + "\\b(?:delete|erase|remove) (?:my (?:data|details|information|preferences|profile)|what you know about me)\\b|"
            + "忘(?:記|记|掉)(?:我|關於我|关于我)|(?:刪除|删除|清除)(?:我的)?(?:資料|资料|數據|数据|記錄|记录|偏好)");

    private static final Pattern QUESTION = Pattern.compile("[?？]|[嗎吗呢]\\s*$|有沒有|有没有|^\\s*(do|does|did|is|are|can|could|have|has|will|would)\\b");

    /** Every position pointed at, in text order ("the first and the third" → 1, 3). */
    public static java.util.List<Integer> ordinals(String text) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (text == null) {
            return out;
        }
        String t = text.toLowerCase(Locale.ROOT);
        Matcher m = EN_ORDINAL.matcher(t);
        while (m.find()) {
            out.add(EN_ORDINALS.get(m.group(1)));
        }
        m = ZH_ORDINAL.matcher(t);
        while (m.find()) {
            String d = m.group(1);
            int i = ZH_DIGITS.indexOf(d);
            out.add(i >= 0 ? i + 1 : Integer.parseInt(d));
        }
        return out;
    }

    /** The cues in a message (English words are matched case-insensitively). */
    public static Cues read(String text) {
        if (text == null || text.isBlank()) {
            return new Cues(0, false, 0, false, false, false, false);
        }
        String t = text.toLowerCase(Locale.ROOT);
        int ordinal = 0;
        Matcher m = EN_ORDINAL.matcher(t);
        if (m.find()) {
            ordinal = EN_ORDINALS.get(m.group(1));
        } else if ((m = EN_NUMBERED.matcher(t)).find()) {
            ordinal = Integer.parseInt(m.group(1));
        } else if ((m = ZH_ORDINAL.matcher(t)).find()) {
            String d = m.group(1);
            int i = ZH_DIGITS.indexOf(d);
            ordinal = i >= 0 ? i + 1 : Integer.parseInt(d);
        } else if (ZH_LAST.matcher(t).find()) {
            ordinal = -1;
        }
        boolean deictic = EN_DEICTIC.matcher(t).find() || ZH_DEICTIC.matcher(t).find();
        int direction = CHEAPER.matcher(t).find() ? -1 : PRICIER.matcher(t).find() ? 1 : 0;
        return new Cues(ordinal, deictic, direction, ONE_MORE.matcher(t).find(), RECALL.matcher(t).find(),
                FORGET.matcher(t).find(), QUESTION.matcher(t).find());
    }
}

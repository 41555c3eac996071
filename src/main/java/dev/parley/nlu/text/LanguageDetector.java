package dev.parley.nlu.text;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Tells which of the contract's languages a shopper wrote in: {@code en}, {@code zh-TW} or {@code zh-CN}.
 *
 * <p>Script decides, not a statistical model:
 * <ol>
 * <li>Han characters (or Bopomofo) make the text Chinese, code-mixed or not ({@code 這件coat有M號嗎} is
 * Chinese), unless they are a small island in an English sentence (at least four Latin words and three
 * times as many Latin words as Han characters, as in a quoted product name).</li>
 * <li>Traditional against Simplified: each character that only one script uses counts for that script
 * (from HanLP's conversion tables; characters both scripts use in their own right, such as 台, 干 and 里,
 * count for neither). Bopomofo counts for Traditional (it is Taiwanese).</li>
 * <li>When the count is even (most often: all characters common to both, as in {@code 好的} or
 * {@code 不用了}), regional vocabulary decides where there is any (喔, 超商, 保固 against 咋, 包邮,
 * 早上好 …), else the fallback if it is Chinese, else {@code zh-TW}.</li>
 * <li>Latin letters and no Han: {@code en}. Neither (emoji, digits, punctuation, other scripts): the
 * fallback.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe. The first use loads HanLP's conversion dictionaries (about a second); each
 * character's class is then looked up once and remembered.
 */
public final class LanguageDetector {

    /** English. */
    public static final String EN = "en";
    /** Traditional Chinese. */
    public static final String ZH_TW = "zh-TW";
    /** Simplified Chinese. */
    public static final String ZH_CN = "zh-CN";

    /** Languages in a fixed order, for reports. */
    public static final List<String> LANGUAGES = List.of(EN, ZH_TW, ZH_CN);

    /**
     * Characters HanLP converts although Traditional text uses them as they are (台灣, 若干, 公里, 征服,
     * 松樹, 范姓, 丑時, 鹹/咸, 戰鬥/北斗, 余, 划船, 朴, 杰, 占卜, 呼吁, 污, 冲, 托盤, 准許, 游泳, 涂, 采, 辟):
     * they say nothing about the script.
     */
    private static final String BOTH_SCRIPTS = "台干里征松范丑咸斗余划朴杰占吁污冲托准游涂采辟";

    /**
     * Words typical of Taiwan, in Simplified form (the text is folded before matching), for text whose
     * characters are all common to both scripts.
     */
    private static final List<String> TAIWAN_WORDS = List.of("喔", "欸", "耶", "唷", "齁", "惹", "der", "安安",
            "午安", "超商", "超取", "宅配", "店到店", "虾皮", "出包", "太扯", "好康", "保固", "支援", "刷毛", "帽t",
            "查件", "拿掉", "软体", "网路", "资讯", "讯息", "影片", "档案", "捷运", "台币", "机车", "脚踏车",
            "计程车", "滑鼠");

    /** Words typical of the mainland, in Simplified form. */
    private static final List<String> MAINLAND_WORDS = List.of("亲", "咋", "啥", "嘞", "呗", "咱", "咯", "木有",
            "靠谱", "淘宝", "天猫", "京东", "拼多多", "包邮", "快递", "运费险", "早上好", "中午好", "下午好",
            "晚上好", "在不在", "在嘛", "撤了", "溜了", "回聊", "保修", "质量", "视频", "网络", "软件", "鼠标",
            "出租车", "地铁", "支付宝", "zfb", "微信", "人民币", "藏青", "周末", "搜一下", "给力", "行吧", "那行",
            "要得", "拉倒", "太坑", "拍下", "拍一");

    private static final int UNKNOWN = 0;
    private static final int NEUTRAL = 1;
    private static final int TRADITIONAL = 2;
    private static final int SIMPLIFIED = 3;

    /** The class of each BMP character, filled in on first sight (two threads may both compute it: same value). */
    private static final AtomicIntegerArray SCRIPT_CLASS = new AtomicIntegerArray(Character.MAX_VALUE + 1);

    /**
     * The language of {@code text}.
     *
     * @param text what the shopper wrote (may be null or blank)
     * @param fallback the language to answer when the text does not tell (no letters at all), and the
     *        Chinese variant to prefer when the characters are common to both scripts; a locale tag such as
     *        {@code zh-Hant} or {@code zh_CN} is understood; null or anything else counts as {@code en}
     * @return {@code en}, {@code zh-TW} or {@code zh-CN}
     */
    public String detect(String text, String fallback) {
        return evidence(text).decide(canonical(fallback));
    }

    /** What the text says about its language, before the fallback applies; for tests and reports. */
    Evidence evidence(String text) {
        if (text == null || text.isBlank()) {
            return new Evidence(0, 0, 0, 0, 0, 0, 0);
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int han = 0;
        int latinLetters = 0;
        int latinWords = 0;
        int traditional = 0;
        int simplified = 0;
        boolean inLatinWord = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            boolean latin = script == Character.UnicodeScript.LATIN && Character.isLetter(c);
            if (latin) {
                latinLetters++;
                if (!inLatinWord) {
                    latinWords++;
                }
            }
            inLatinWord = latin || (inLatinWord && (Character.isDigit(c) || c == '\'' || c == '\u2019' || c == '-'));
            if (script == Character.UnicodeScript.HAN) {
                han++;
                switch (scriptClass(c)) {
                    case TRADITIONAL -> traditional++;
                    case SIMPLIFIED -> simplified++;
                    default -> {
                    }
                }
            } else if (script == Character.UnicodeScript.BOPOMOFO) {
                han++;
                traditional++;
            }
        }
        int taiwan = 0;
        int mainland = 0;
        if (han > 0 && traditional == simplified) {
            String folded = HanLP.convertToSimplifiedChinese(s).toLowerCase(Locale.ROOT);
            taiwan = count(folded, TAIWAN_WORDS);
            mainland = count(folded, MAINLAND_WORDS);
        }
        return new Evidence(han, latinLetters, latinWords, traditional, simplified, taiwan, mainland);
    }

    /**
     * Counts behind a decision.
     *
     * @param han Han (and Bopomofo) characters
     * @param latinLetters Latin letters
     * @param latinWords runs of Latin letters
     * @param traditional characters only Traditional Chinese uses
     * @param simplified characters only Simplified Chinese uses
     * @param taiwanWords Taiwanese vocabulary matches (only counted when the scripts are even)
     * @param mainlandWords mainland vocabulary matches (likewise)
     */
    record Evidence(int han, int latinLetters, int latinWords, int traditional, int simplified, int taiwanWords,
            int mainlandWords) {

        String decide(String fallback) {
            if (han == 0) {
                return latinLetters > 0 ? EN : fallback;
            }
            if (latinWords >= 4 && latinWords >= 3 * han) {
                return EN;
            }
            if (traditional != simplified) {
                return traditional > simplified ? ZH_TW : ZH_CN;
            }
            if (taiwanWords != mainlandWords) {
                return taiwanWords > mainlandWords ? ZH_TW : ZH_CN;
            }
            return fallback.equals(ZH_CN) ? ZH_CN : ZH_TW;
        }
    }

    /** One of the three languages for a fallback or locale tag; {@code en} for null and anything else. */
    static String canonical(String tag) {
        if (tag == null) {
            return EN;
        }
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.equals("zh-tw") || t.equals("zh-hk") || t.equals("zh-mo") || t.startsWith("zh-hant")) {
            return ZH_TW;
        }
        if (t.equals("zh-cn") || t.equals("zh-sg") || t.startsWith("zh-hans")) {
            return ZH_CN;
        }
        return EN;
    }

    /** Occurrences of the words; a word in Latin letters only counts standing alone ("der", not "order"). */
    private static int count(String text, List<String> words) {
        int n = 0;
        for (String w : words) {
            boolean latin = isAsciiLetter(w.charAt(0));
            for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length())) {
                int end = at + w.length();
                if (!latin || ((at == 0 || !isAsciiLetter(text.charAt(at - 1)))
                        && (end == text.length() || !isAsciiLetter(text.charAt(end))))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int scriptClass(int c) {
        if (c > Character.MAX_VALUE) {
            return NEUTRAL; // CJK extensions B and later: rare, and HanLP's tables are BMP-only
        }
        int known = SCRIPT_CLASS.get(c);
        if (known != UNKNOWN) {
            return known;
        }
        String s = String.valueOf((char) c);
        int cls;
        if (BOTH_SCRIPTS.indexOf(c) >= 0) {
            cls = NEUTRAL;
        } else if (!HanLP.convertToSimplifiedChinese(s).equals(s)) {
            cls = TRADITIONAL;
        } else if (!HanLP.s2tw(s).equals(s)) {
            cls = SIMPLIFIED;
        } else {
            cls = NEUTRAL;
        }
        SCRIPT_CLASS.set(c, cls);
        return cls;
    }
}

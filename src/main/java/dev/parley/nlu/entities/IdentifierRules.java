package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses, order numbers, phone numbers and coupon codes. */
final class IdentifierRules {

    private IdentifierRules() {
    }

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9])");
    private static final Pattern ORDER = Pattern.compile("(?i)(?<![A-Za-z0-9])PRL[-_ ]?#?(\\d{4,})(?![0-9])");

    private static final Pattern TW_INTL = Pattern.compile(
            "(?<![\\d+])\\+?886[- ]?\\(?0?\\)?[- ]?(9\\d{2})[- ]?(\\d{3})[- ]?(\\d{3})(?![\\d])");
    private static final Pattern TW_MOBILE = Pattern.compile("(?<![\\d-])(09\\d{2})[- ]?(\\d{3})[- ]?(\\d{3})(?![\\d])");
    private static final Pattern TW_LANDLINE = Pattern.compile(
            "(?<![\\d-])(\\(0[2-8]\\d?\\)|0[2-8]\\d?)[- ]?(\\d{3,4})[- ]?(\\d{4})(?![\\d])");
    private static final Pattern CN_MOBILE = Pattern.compile(
            "(?<![\\d+])(?:\\+?86[- ]?)?(1[3-9]\\d)[- ]?(\\d{4})[- ]?(\\d{4})(?![\\d])");

    /** Letters then digits (WELCOME10, spring200, BACK2SCHOOL, first100). */
    private static final Pattern CODE_MIXED = Pattern.compile(
            "(?<![A-Za-z0-9\\-@.])([A-Za-z]{2,}[0-9]+[A-Za-z0-9]*|[A-Za-z][0-9]+[A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9@])");
    /** Upper-case codes without digits or with hyphens (FREESHIP, REF-JASON, 10OFF). */
    private static final Pattern CODE_CAPS = Pattern.compile(
            "(?<![A-Za-z0-9\\-@.])([A-Z0-9]{2,}(?:-[A-Z0-9]{2,})+|[A-Z][A-Z0-9]{3,}|[0-9]+[A-Z]{3,}[A-Z0-9]*)(?![A-Za-z0-9@])");
    /** A code right after a coupon cue, possibly written with a space: "apply welcome 10", "輸入spring 200". */
    private static final Pattern CODE_AFTER_CUE = Pattern.compile(
            "(?i)(?:(?<![A-Za-z])(?:code|coupon|promo|voucher|apply|use|enter|try|redeem)|码|码是|券|输入|输入了|套用|用|打|这组|这个码)"
                    + "[ :：]{0,2}(?:is )?([a-z]{3,})[ ]?([0-9]{1,4})?(?![A-Za-z0-9%])");
    private static final Pattern LOWER_AFTER_CN_CUE = Pattern.compile(
            "(?:这组|这个码|码是|码|优惠码|折扣码|输入|输入了|代码是)[ :：]?([a-z]{4,})(?![A-Za-z0-9])");
    private static final Pattern COUPON_CUE = Pattern.compile(
            "(?i)coupon|promo|voucher|\\bcode\\b|codes|discount|referral|redeem|\\bapply\\b|\\buse\\b|\\benter|\\bwork\\b|"
                    + "\\bworks\\b|valid|expired|优惠码|折扣码|优惠券|优惠卷|折价券|券|码|代码|输入|套用|用|折");

    private static final Set<String> CODE_STOP = Extraction.words("us", "eu", "uk", "jp", "cm", "mm", "kg", "nt", "ntd", "twd",
            "usd", "rmb", "hkd", "jpy", "cny", "nts", "prl", "upf", "size", "sizes", "top", "no", "iphone", "ipad", "win", "covid", "mp", "ps", "spf", "type",
            "usb", "h", "x", "xl", "xxl", "xs", "eur", "gb", "tb", "ml", "pm", "am", "day", "days", "step", "gen",
            "model", "part", "rm", "hk", "ver", "v", "pcs");
    private static final Set<String> CAPS_STOP = Extraction.words("USD", "TWD", "NTD", "HKD", "JPY", "CNY", "RMB", "EUR",
            "GBP", "SGD", "LINE", "SMS", "OTP", "ATM", "FAQ", "VISA", "JCB", "APP", "GPS", "DHL", "UPS", "FEDEX", "EMS",
            "UNIQLO", "NIKE", "ZARA", "ADIDAS", "GORE-TEX", "GORETEX", "PAYPAL", "APPLE", "IPHONE", "ASAP", "THANKS",
            "PLEASE", "HELP", "THIS", "THAT", "WHAT", "WHY", "STILL", "XXXL", "XXL", "PRL", "CODE", "PROMO", "COUPON",
            "VOUCHER", "DISCOUNT", "SALE", "FREE", "WTF", "OMG", "LOL", "NOT", "DOES", "WORK", "HELLO", "SORRY",
            "MASTERCARD", "AMEX", "PAY", "APPLE-PAY", "LINE-PAY", "JKOPAY", "NOW", "ONLY", "VERY", "WHEN", "URGENT",
            "MUJI", "GU", "NET", "ECPAY", "HTTPS", "HTTP", "WWW", "COM", "TAIWAN", "TAIPEI", "USA");
    private static final Set<String> CUE_WORD_STOP = Extraction.words("the", "my", "your", "this", "that", "a", "an", "it",
            "code", "codes", "coupon", "coupons", "promo", "voucher", "for", "to", "on", "in", "of", "and", "with",
            "size", "order", "one", "two", "them", "these", "those", "discount", "please", "pls", "plz", "again",
            "another", "some", "any", "instead", "before", "after", "now", "here", "there", "is", "was", "not", "but",
            "card", "points", "point", "credit", "cash", "paypal", "line", "app", "website", "mobile", "gift",
            "birthday", "member", "referral", "first", "old", "new", "us", "eu", "nt", "prl", "all", "both", "only");

    static void run(Extraction x) {
        emails(x);
        orders(x);
        phones(x);
        coupons(x);
    }

    private static void emails(Extraction x) {
        Matcher m = EMAIL.matcher(x.s);
        while (m.find()) {
            x.claim(EntityType.EMAIL, m.group().toLowerCase(Locale.ROOT), m.start(), m.end());
        }
    }

    private static void orders(Extraction x) {
        Matcher m = ORDER.matcher(x.s);
        while (m.find()) {
            x.claim(EntityType.ORDER_NUMBER, "PRL-" + m.group(1), m.start(), m.end());
        }
    }

    private static void phones(Extraction x) {
        Matcher m = TW_INTL.matcher(x.s);
        while (m.find()) {
            x.claim(EntityType.PHONE, "0" + m.group(1) + m.group(2) + m.group(3), m.start(), m.end());
        }
        m = TW_MOBILE.matcher(x.s);
        while (m.find()) {
            x.claim(EntityType.PHONE, m.group(1) + m.group(2) + m.group(3), m.start(), m.end());
        }
        m = CN_MOBILE.matcher(x.s);
        while (m.find()) {
            x.claim(EntityType.PHONE, m.group(1) + m.group(2) + m.group(3), m.start(), m.end());
        }
        m = TW_LANDLINE.matcher(x.s);
        while (m.find()) {
            String area = m.group(1).replace("(", "").replace(")", "");
            boolean separated = m.group().matches(".*[- ()].*");
            boolean cue = x.before(m.start(), 12).matches("(?s).*(phone|tel|call|number|电话|号码|手机|联络|联系|市话).*");
            if (separated || cue) {
                x.claim(EntityType.PHONE, area + m.group(2) + m.group(3), m.start(), m.end());
            }
        }
    }

    private static void coupons(Extraction x) {
        boolean cue = COUPON_CUE.matcher(x.s).find();
        Matcher m = CODE_AFTER_CUE.matcher(x.s);
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            if (m.group(2) == null || CUE_WORD_STOP.contains(word) || CODE_STOP.contains(word)) {
                continue;
            }
            if (!x.free(m.start(1), m.end(2))) {
                continue;
            }
            x.claim(EntityType.COUPON_CODE, (m.group(1) + m.group(2)).toUpperCase(Locale.ROOT), m.start(1), m.end(2));
        }
        m = CODE_MIXED.matcher(x.s);
        while (m.find()) {
            String code = m.group(1);
            String letters = code.replaceAll("[^A-Za-z].*$", "").toLowerCase(Locale.ROOT);
            if (CODE_STOP.contains(letters) || isSizeLike(code)) {
                continue;
            }
            boolean caps = code.equals(code.toUpperCase(Locale.ROOT));
            boolean camel = Character.isUpperCase(code.charAt(0));
            if (letters.length() >= 3 || cue && (caps || camel)) {
                x.claim(EntityType.COUPON_CODE, code.toUpperCase(Locale.ROOT), m.start(1), m.end(1));
            }
        }
        // lower-case letter-only codes written straight after a Chinese cue: 這組freeship, 码是xmas
        Matcher lower = LOWER_AFTER_CN_CUE.matcher(x.s);
        while (lower.find()) {
            if (!CUE_WORD_STOP.contains(lower.group(1)) && !CODE_STOP.contains(lower.group(1))) {
                x.claim(EntityType.COUPON_CODE, lower.group(1).toUpperCase(Locale.ROOT), lower.start(1), lower.end(1));
            }
        }
        if (!cue) {
            return;
        }
        m = CODE_CAPS.matcher(x.s);
        while (m.find()) {
            String code = m.group(1);
            if (CAPS_STOP.contains(code) || code.startsWith("PRL") || isSizeLike(code)) {
                continue;
            }
            x.claim(EntityType.COUPON_CODE, code, m.start(1), m.end(1));
        }
    }

    private static boolean isSizeLike(String code) {
        return code.matches("(?i)(US|EU|UK|JP|XL|XXL|XXXL|[2-4]XL)\\d+(\\.5)?|\\d+[LK]");
    }
}

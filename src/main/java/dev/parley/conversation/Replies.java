package dev.parley.conversation;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Reply wording from the localised bundles ({@code dev/parley/conversation/replies*.properties}, en, zh-TW,
 * zh-CN). A key may have variants ({@code greeting.0}, {@code greeting.1}, …); which one is used varies with the
 * turn, so the assistant does not repeat itself word for word, yet the same turn always reads the same.
 */
public final class Replies {

    private static final String BUNDLE = "dev.parley.conversation.replies";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final int seed;

    private Replies(ResourceBundle bundle, Locale locale, int seed) {
        this.bundle = bundle;
        this.locale = locale;
        this.seed = seed;
    }

    /** The wording for a store language ({@code en}, {@code zh-TW}, {@code zh-CN}); {@code seed} picks variants. */
    public static Replies of(String language, int seed) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Replies.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Replies(bundle, locale, seed);
    }

    /** The text for a key (one of its variants when it has any), with {@code {0}}-style arguments filled in. */
    public String text(String key, Object... args) {
        List<String> variants = new ArrayList<>();
        for (int i = 0; ; i++) {
            if (!bundle.containsKey(key + "." + i)) {
                break;
            }
            variants.add(bundle.getString(key + "." + i));
        }
        String pattern;
        if (!variants.isEmpty()) {
            pattern = variants.get(Math.floorMod(seed, variants.size()));
        } else {
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException e) {
                throw new IllegalStateException("No reply text '" + key + "' for " + locale, e);
            }
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The store language these replies are in ({@code en}, {@code zh-TW}, {@code zh-CN}). */
    public String language() {
        return locale.toLanguageTag();
    }

    /** Whether a key (or its variants) exists. */
    public boolean has(String key) {
        return bundle.containsKey(key) || bundle.containsKey(key + ".0");
    }
}

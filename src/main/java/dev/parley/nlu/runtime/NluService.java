package dev.parley.nlu.runtime;

import dev.parley.nlu.model.IntentModel;
import dev.parley.nlu.text.LanguageDetector;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.ParleySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Reads one shopper message: its language (script-aware, the conversation's locale as the tie-breaker), the
 * intent ranking from the live model and the entities from the catalog-aware extractor. Stateless; the
 * model and vocabulary are snapshots taken once per call.
 */
@ApplicationScoped
public class NluService {

    /** Longest message the NLU reads, in characters (code points), as for chat messages. */
    public static final int MAX_TEXT = 2000;
    /** Intents listed in a ranking. */
    static final int RANKING = 5;

    private final LanguageDetector languages = new LanguageDetector();

    @Inject
    LiveIntentModel live;

    @Inject
    CatalogVocabulary vocabulary;

    @Inject
    ParleySettings settings;

    /**
     * Parses {@code text}.
     *
     * @param text the message (1 to {@value #MAX_TEXT} characters, not only white space)
     * @param locale the conversation's locale ({@code en}, {@code zh-TW}, {@code zh-CN}, or a tag such as
     *     {@code zh-Hant}, {@code en-GB}); null when unknown
     * @throws DomainException INVALID for missing, blank or oversize text or an unsupported locale,
     *     UNAVAILABLE before the first model is served
     */
    public ParseResult parse(String text, String locale) {
        if (text == null) {
            throw new DomainException(Kind.INVALID, "text-required", "The field 'text' is required.");
        }
        if (text.isBlank()) {
            throw new DomainException(Kind.INVALID, "text-blank", "The field 'text' is empty.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            throw new DomainException(Kind.INVALID, "text-too-long",
                    "The text has " + length + " characters; at most " + MAX_TEXT + " are read.");
        }
        String fallback = locale == null ? null : language(locale);
        LiveIntentModel.Snapshot snapshot = live.current().orElseThrow(() -> new DomainException(Kind.UNAVAILABLE,
                "model-not-loaded", "The intent model is not loaded yet; try again shortly."));
        String language = languages.detect(text, fallback);
        List<IntentModel.Scored> ranked = snapshot.model().classify(text);
        List<ParseResult.Scored> ranking = ranked.stream().limit(RANKING)
                .map(s -> new ParseResult.Scored(s.name(), round(s.confidence()))).toList();
        double threshold = settings.nluConfidenceThreshold();
        return new ParseResult(ranking.get(0), ranking, vocabulary.extractor().extract(text, language), language,
                snapshot.version(), ranked.get(0).confidence() < threshold, threshold);
    }

    /** The contract language of a locale tag; INVALID for one the assistant does not speak. */
    static String language(String locale) {
        String tag = locale.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (tag.equals("en") || tag.startsWith("en-")) {
            return LanguageDetector.EN;
        }
        if (tag.equals("zh-tw") || tag.equals("zh-hk") || tag.equals("zh-mo") || tag.startsWith("zh-hant")) {
            return LanguageDetector.ZH_TW;
        }
        if (tag.equals("zh") || tag.equals("zh-cn") || tag.equals("zh-sg") || tag.startsWith("zh-hans")) {
            return LanguageDetector.ZH_CN;
        }
        throw new DomainException(Kind.INVALID, "locale-unsupported",
                "Locale '" + locale + "' is not supported; use en, zh-TW or zh-CN.");
    }

    private static double round(double p) {
        return Math.round(p * 10_000) / 10_000.0;
    }
}

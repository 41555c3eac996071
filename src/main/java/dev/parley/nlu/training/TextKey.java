package dev.parley.nlu.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * When two utterances count as the same: equal after Unicode NFKC, lower-casing and collapsing white space.
 * Training data holds each such utterance once per language, and the held-out split none of them.
 */
public final class TextKey {

    private TextKey() {
    }

    /** The normalised form. */
    public static String normalise(String text) {
        return String.join(" ", Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .split("\\s+"));
    }

    /** SHA-256 of the normalised form, hex (the database's uniqueness key). */
    public static String of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.parley.catalog.search;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits mixed Chinese and English text into words: NFKC normalisation (full-width letters and digits
 * become ASCII), Traditional Chinese folded to Simplified (so 運動鞋 and 运动鞋 are one word), then HanLP
 * segmentation. Whitespace and punctuation are dropped.
 */
public final class HanLpTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    // Person-name recognition is off: product text has no people in it, and the recogniser both slows
    // indexing and merges product words into false names.
    private final Segment segment = HanLP.newSegment().enableOffset(true).enablePartOfSpeechTagging(false)
            .enableNameRecognize(false).enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false);
    private Iterator<Term> terms;
    private int length;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (terms.hasNext()) {
            Term t = terms.next();
            if (!isWord(t.word)) {
                continue;
            }
            term.setEmpty().append(t.word);
            int start = Math.min(t.offset, length);
            offset.setOffset(correctOffset(start), correctOffset(Math.min(start + t.word.length(), length)));
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
            text.append(buffer, 0, n);
        }
        String folded = fold(text.toString());
        length = folded.length();
        List<Term> segmented = folded.isBlank() ? List.of() : segment.seg(folded);
        terms = segmented.iterator();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(length);
        offset.setOffset(end, end);
    }

    /** NFKC, then Traditional to Simplified Chinese. */
    static String fold(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return HanLP.convertToSimplifiedChinese(normalized);
    }

    private static boolean isWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

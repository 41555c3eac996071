package dev.parley.nlu.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.Intent;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sanity check that the features separate the intents, and a comparison of three vectorizer settings: a
 * nearest-centroid classifier (one centroid per intent over all three languages, cosine) fitted on the
 * training seed and scored on the held-out seed. Not the intent model; it only ranks feature choices. The
 * held-out split is used for nothing else than picking among these three.
 */
class VectorizerSeparabilityTest {

    static Map<String, VectorizerSettings> candidates() {
        VectorizerSettings d = VectorizerSettings.defaults();
        Map<String, VectorizerSettings> m = new LinkedHashMap<>();
        m.put("A HanLP words, CJK char 1-3, in-word char 3-5", d);
        m.put("B no segmentation (characters), CJK char 1-3, in-word char 3-5", d.withSegmentChinese(false));
        m.put("C HanLP words and bigrams only, no char n-grams", d.withCjkNgrams(0, 0).withWordNgrams(0, 0));
        return m;
    }

    @Test
    void nearestCentroidAccuracyPerSettingAndLanguage() {
        List<SeedCorpus.Utterance> train = SeedCorpus.read("train");
        List<SeedCorpus.Utterance> heldOut = SeedCorpus.read("heldout");
        StringBuilder out = new StringBuilder("Nearest-centroid intent accuracy on held-out (train " + train.size()
                + ", held-out " + heldOut.size() + ", 28 intents)\n");
        out.append(String.format("%-66s %7s %7s %7s %7s%n", "settings", "en", "zh-TW", "zh-CN", "all"));
        String best = null;
        double bestAll = -1;
        for (Map.Entry<String, VectorizerSettings> c : candidates().entrySet()) {
            TextVectorizer v =
                    new TextVectorizer(c.getValue()).fit(train.stream().map(SeedCorpus.Utterance::text).toList());
            Map<Intent, float[]> centroids = centroids(v, train);
            Map<String, int[]> score = new LinkedHashMap<>();
            LanguageDetector.LANGUAGES.forEach(l -> score.put(l, new int[2]));
            for (SeedCorpus.Utterance u : heldOut) {
                int[] s = score.get(u.language());
                s[1]++;
                if (nearest(v.vectorize(u.text()), centroids) == u.intent()) {
                    s[0]++;
                }
            }
            int right = 0;
            int total = 0;
            out.append(String.format("%-66s", c.getKey()));
            for (Map.Entry<String, int[]> s : score.entrySet()) {
                double acc = s.getValue()[0] / (double) s.getValue()[1];
                out.append(String.format(" %7.3f", acc));
                assertTrue(acc > 0.5, c.getKey() + " " + s.getKey() + " " + acc + " (chance is 0.036)");
                right += s.getValue()[0];
                total += s.getValue()[1];
            }
            double all = right / (double) total;
            out.append(String.format(" %7.3f%n", all));
            if (all > bestAll) {
                bestAll = all;
                best = c.getKey();
            }
        }
        out.append("best: ").append(best);
        System.out.println(out);
    }

    private static Map<Intent, float[]> centroids(TextVectorizer v, List<SeedCorpus.Utterance> train) {
        int dimension = v.settings().dimension();
        Map<Intent, double[]> sums = new EnumMap<>(Intent.class);
        for (SeedCorpus.Utterance u : train) {
            double[] sum = sums.computeIfAbsent(u.intent(), i -> new double[dimension]);
            SparseVector x = v.vectorize(u.text());
            for (int i = 0; i < x.size(); i++) {
                sum[x.index(i)] += x.value(i);
            }
        }
        Map<Intent, float[]> centroids = new EnumMap<>(Intent.class);
        sums.forEach((intent, sum) -> {
            double norm = 0;
            for (double x : sum) {
                norm += x * x;
            }
            float[] c = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                c[i] = (float) (sum[i] / Math.sqrt(norm));
            }
            centroids.put(intent, c);
        });
        return centroids;
    }

    private static Intent nearest(SparseVector x, Map<Intent, float[]> centroids) {
        Intent best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Intent, float[]> c : centroids.entrySet()) {
            double score = x.dot(c.getValue());
            if (score > bestScore) {
                bestScore = score;
                best = c.getKey();
            }
        }
        return best;
    }
}

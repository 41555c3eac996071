package dev.parley.nlu.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntentNetworkTest {

    static final int INPUTS = 64;

    /** Three classes, each marked by its own group of active features plus noise. */
    static List<IntentNetwork.Example> examples(long seed, int perClass) {
        Random r = new Random(seed);
        List<IntentNetwork.Example> out = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < perClass; i++) {
                int[] idx = {c * 10 + r.nextInt(5), c * 10 + 5 + r.nextInt(5), 40 + r.nextInt(24)};
                out.add(new IntentNetwork.Example(idx, new float[] {1f, 1f, 0.5f}, c));
            }
        }
        return out;
    }

    @Test
    void learnsSeparableClassesAndRoundTripsThroughBytes() {
        TrainingSettings s = new TrainingSettings(16, 1.0, 20, 8, 1e-2, 0, 7);
        List<Integer> epochs = new ArrayList<>();
        IntentNetwork net = IntentNetwork.train(examples(1, 30), INPUTS, 3, s, epochs::add);
        assertEquals(20, epochs.size());
        List<IntentNetwork.Example> test = examples(2, 10);
        int right = correct(net, test);
        assertTrue(right >= 28, right + " of 30 right");

        IntentNetwork copy = IntentNetwork.fromBytes(net.toBytes());
        IntentNetwork.Example e = test.get(0);
        assertArrayEquals(net.probabilities(e.indices(), e.values()), copy.probabilities(e.indices(), e.values()));
        assertEquals(INPUTS, copy.inputs());
        assertEquals(3, copy.classes());
    }

    @Test
    void theSparseForwardPassGivesDeeplearning4jsProbabilities() {
        TrainingSettings s = new TrainingSettings(16, 0.8, 10, 8, 1e-2, 0, 5);
        IntentNetwork net = IntentNetwork.train(examples(1, 30), INPUTS, 3, s, epoch -> { });
        List<IntentNetwork.Example> probes = new ArrayList<>(examples(9, 5));
        probes.add(new IntentNetwork.Example(new int[0], new float[0], 0)); // no feature at all
        probes.add(new IntentNetwork.Example(new int[] {7, 7, 63}, new float[] {0.25f, 0.5f, 2f}, 0)); // repeated index
        for (IntentNetwork.Example e : probes) {
            float[] sparse = net.probabilities(e.indices(), e.values());
            float[] dense = net.dl4jOutput(e.indices(), e.values());
            assertArrayEquals(dense, sparse, 1e-5f);
        }
    }

    @Test
    void anEmbeddingBagLearnsTooAndRoundTrips() {
        TrainingSettings s = new TrainingSettings(TrainingSettings.Architecture.EMBEDDING_BAG, 16, 1.0, 30, 8, 2e-2, 0,
                7);
        IntentNetwork net = IntentNetwork.train(examples(1, 30), INPUTS, 3, s, epoch -> { });
        List<IntentNetwork.Example> test = examples(2, 10);
        int right = correct(net, test);
        assertTrue(right >= 27, right + " of 30 right");
        IntentNetwork copy = IntentNetwork.fromBytes(net.toBytes());
        IntentNetwork.Example e = test.get(3);
        assertArrayEquals(net.probabilities(e.indices(), e.values()), copy.probabilities(e.indices(), e.values()));
    }

    @Test
    void theSameSeedAndDataGiveTheSameModel() {
        TrainingSettings s = new TrainingSettings(16, 0.8, 5, 8, 1e-2, 1e-5, 11);
        IntentNetwork a = IntentNetwork.train(examples(3, 20), INPUTS, 3, s, epoch -> { });
        IntentNetwork b = IntentNetwork.train(examples(3, 20), INPUTS, 3, s, epoch -> { });
        IntentNetwork.Example e = examples(4, 1).get(2);
        assertArrayEquals(a.probabilities(e.indices(), e.values()), b.probabilities(e.indices(), e.values()));
    }

    /** How many of {@code test} the network puts in their own class. */
    private static int correct(IntentNetwork net, List<IntentNetwork.Example> test) {
        int right = 0;
        for (IntentNetwork.Example e : test) {
            float[] p = net.probabilities(e.indices(), e.values());
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            right += best == e.label() ? 1 : 0;
        }
        return right;
    }
}

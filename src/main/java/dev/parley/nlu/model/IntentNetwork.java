package dev.parley.nlu.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The intent classifier: a network (Deeplearning4j) from a hashed n-gram feature vector to one probability
 * per intent — either an MLP (one ReLU hidden layer with dropout) or a fastText-style embedding bag (the
 * average of the active features' embeddings), softmax output, Adam. Training is
 * deterministic for a given seed (weights, dropout and shuffling are seeded; one thread).
 *
 * <p>Inference is thread-safe and lock-free for the MLP: its trained weights are copied once into plain
 * arrays and the forward pass runs sparse (only the rows of the active features of the first layer), which
 * gives the same probabilities as Deeplearning4j's dense {@code output()} at a small fraction of its cost
 * (an utterance has about 45 of 16,384 features). The embedding bag answers through Deeplearning4j, one call
 * at a time.
 */
public final class IntentNetwork {

    /** Most features an utterance contributes to the embedding bag (the strongest are kept). */
    static final int MAX_FEATURES = 96;

    private final MultiLayerNetwork network;
    private final int inputs;
    private final int classes;
    private final boolean bag;
    /** MLP only: first layer weights [inputs × hidden] row-major, its bias, output weights [hidden × classes], bias. */
    private final float[] w0;
    private final float[] b0;
    private final float[] w1;
    private final float[] b1;
    private final int hidden;

    private IntentNetwork(MultiLayerNetwork network) {
        this.network = network;
        this.inputs = (int) network.layerInputSize(0);
        this.classes = (int) network.layerSize(network.getnLayers() - 1);
        this.bag = network.getLayerWiseConfigurations().getConf(0).getLayer() instanceof EmbeddingSequenceLayer;
        if (bag) {
            w0 = b0 = w1 = b1 = null;
            hidden = 0;
        } else {
            hidden = (int) network.layerSize(0);
            w0 = weights(network, 0, "W");
            b0 = weights(network, 0, "b");
            w1 = weights(network, 1, "W");
            b1 = weights(network, 1, "b");
        }
    }

    private static float[] weights(MultiLayerNetwork network, int layer, String name) {
        return network.getLayer(layer).getParam(name).dup('c').data().asFloat();
    }

    /** One training example: its feature vector (sparse) and its class. */
    public record Example(int[] indices, float[] values, int label) {
    }

    /**
     * Trains a network on {@code examples}; {@code epochDone} hears each finished epoch (1-based) for
     * progress reporting.
     */
    public static IntentNetwork train(List<Example> examples, int inputs, int classes, TrainingSettings s,
            IntConsumer epochDone) {
        boolean bag = s.architecture() == TrainingSettings.Architecture.EMBEDDING_BAG;
        var layers = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(s.learningRate()))
                .l2(s.l2())
                .list();
        if (bag) {
            layers.layer(new EmbeddingSequenceLayer.Builder().nIn(inputs).nOut(s.hidden()).inputLength(MAX_FEATURES)
                            .hasBias(false).weightInit(WeightInit.XAVIER).build())
                    .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).dropOut(s.dropout()).build());
        } else {
            layers.layer(new DenseLayer.Builder().nIn(inputs).nOut(s.hidden()).activation(Activation.RELU)
                    .dropOut(s.dropout()).build());
        }
        MultiLayerConfiguration conf = layers
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(s.hidden()).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Random shuffle = new Random(s.seed());
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length; start += s.batchSize()) {
                int size = Math.min(s.batchSize(), order.length - start);
                if (bag) {
                    List<Example> batch = new java.util.ArrayList<>(size);
                    for (int b = 0; b < size; b++) {
                        batch.add(examples.get(order[start + b]));
                    }
                    INDArray[] fm = bagInput(batch);
                    float[][] y = new float[size][classes];
                    for (int b = 0; b < size; b++) {
                        y[b][batch.get(b).label()] = 1f;
                    }
                    net.fit(new DataSet(fm[0], Nd4j.create(y), fm[1], null));
                    continue;
                }
                // Filled in place off-heap: a dense batch is 256 × 16,384 floats (16 MiB), too much to build
                // on the heap and copy for every batch.
                INDArray x = Nd4j.create(DataType.FLOAT, size, inputs);
                float[][] y = new float[size][classes];
                for (int b = 0; b < size; b++) {
                    Example e = examples.get(order[start + b]);
                    for (int k = 0; k < e.indices().length; k++) {
                        int column = e.indices()[k];
                        x.putScalar(b, column, x.getFloat(b, column) + e.values()[k]);
                    }
                    y[b][e.label()] = 1f;
                }
                net.fit(new DataSet(x, Nd4j.create(y)));
            }
            epochDone.accept(epoch);
        }
        return new IntentNetwork(net);
    }

    /** Feature ids [batch, MAX_FEATURES] and their mask, the strongest features first. */
    private static INDArray[] bagInput(List<Example> batch) {
        float[][] ids = new float[batch.size()][MAX_FEATURES];
        float[][] mask = new float[batch.size()][MAX_FEATURES];
        for (int b = 0; b < batch.size(); b++) {
            Example e = batch.get(b);
            Integer[] order = new Integer[e.indices().length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (i, j) -> Float.compare(e.values()[j], e.values()[i]));
            int n = Math.min(MAX_FEATURES, order.length);
            for (int k = 0; k < n; k++) {
                ids[b][k] = e.indices()[order[k]];
                mask[b][k] = 1f;
            }
            if (n == 0) {
                mask[b][0] = 1f; // an empty utterance averages the embedding of feature 0
            }
        }
        return new INDArray[] {Nd4j.create(ids), Nd4j.create(mask)};
    }

    /** Probabilities per class for one sparse feature vector. */
    public float[] probabilities(int[] indices, float[] values) {
        if (!bag) {
            return sparseForward(indices, values);
        }
        return dl4jOutput(indices, values);
    }

    /** The MLP's forward pass over the active features only: ReLU hidden layer, then softmax. */
    private float[] sparseForward(int[] indices, float[] values) {
        float[] h = b0.clone();
        for (int k = 0; k < indices.length; k++) {
            float v = values[k];
            int row = indices[k] * hidden;
            for (int j = 0; j < hidden; j++) {
                h[j] += v * w0[row + j];
            }
        }
        float[] z = b1.clone();
        for (int j = 0; j < hidden; j++) {
            float a = h[j];
            if (a <= 0) {
                continue;
            }
            int row = j * classes;
            for (int c = 0; c < classes; c++) {
                z[c] += a * w1[row + c];
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float x : z) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            double e = Math.exp(z[c] - max);
            z[c] = (float) e;
            sum += e;
        }
        for (int c = 0; c < classes; c++) {
            z[c] = (float) (z[c] / sum);
        }
        return z;
    }

    /** Probabilities through Deeplearning4j's own (dense) forward pass, one call at a time. */
    float[] dl4jOutput(int[] indices, float[] values) {
        if (bag) {
            INDArray[] fm = bagInput(List.of(new Example(indices, values, 0)));
            synchronized (network) {
                return network.output(fm[0], false, fm[1], null).toFloatVector();
            }
        }
        float[] x = new float[inputs];
        for (int k = 0; k < indices.length; k++) {
            x[indices[k]] += values[k];
        }
        INDArray out;
        synchronized (network) {
            out = network.output(Nd4j.create(new float[][] {x}), false);
        }
        return out.toFloatVector();
    }

    /** Number of input features. */
    public int inputs() {
        return inputs;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** The network as bytes (Deeplearning4j's model format, without updater state). */
    public byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(network, out, false);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A network from {@link #toBytes()}. */
    public static IntentNetwork fromBytes(byte[] bytes) {
        try {
            return new IntentNetwork(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

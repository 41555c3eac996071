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
 * deterministic for a given seed (weights, dropout and shuffling are seeded; one thread). Inference is
 * thread-safe: the network's output is computed on a copy of its parameters per call.
 */
public final class IntentNetwork {

    /** Most features an utterance contributes to the embedding bag (the strongest are kept). */
    static final int MAX_FEATURES = 96;

    private final MultiLayerNetwork network;
    private final int inputs;
    private final int classes;
    private final boolean bag;

    private IntentNetwork(MultiLayerNetwork network) {
        this.network = network;
        this.inputs = (int) network.layerInputSize(0);
        this.classes = (int) network.layerSize(network.getnLayers() - 1);
        this.bag = network.getLayerWiseConfigurations().getConf(0).getLayer() instanceof EmbeddingSequenceLayer;
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
                float[][] x = new float[size][inputs];
                float[][] y = new float[size][classes];
                for (int b = 0; b < size; b++) {
                    Example e = examples.get(order[start + b]);
                    for (int k = 0; k < e.indices().length; k++) {
                        x[b][e.indices()[k]] += e.values()[k];
                    }
                    y[b][e.label()] = 1f;
                }
                net.fit(new DataSet(Nd4j.create(x), Nd4j.create(y)));
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

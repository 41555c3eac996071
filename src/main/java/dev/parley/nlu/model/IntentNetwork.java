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
 * The intent classifier: a feed-forward network (Deeplearning4j) from a hashed n-gram feature vector to one
 * probability per intent — one ReLU hidden layer with dropout, softmax output, Adam. Training is
 * deterministic for a given seed (weights, dropout and shuffling are seeded; one thread). Inference is
 * thread-safe: the network's output is computed on a copy of its parameters per call.
 */
public final class IntentNetwork {

    private final MultiLayerNetwork network;
    private final int inputs;
    private final int classes;

    private IntentNetwork(MultiLayerNetwork network) {
        this.network = network;
        this.inputs = (int) network.layerInputSize(0);
        this.classes = (int) network.layerSize(network.getnLayers() - 1);
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
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(s.learningRate()))
                .l2(s.l2())
                .list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(s.hidden()).activation(Activation.RELU)
                        .dropOut(s.dropout()).build())
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

    /** Probabilities per class for one sparse feature vector. */
    public float[] probabilities(int[] indices, float[] values) {
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

package dev.parley.nlu.model;

import dev.parley.nlu.text.TextVectorizer;
import java.util.List;
import java.util.Objects;

/**
 * A trained intent model as it is stored with its version: the network in Deeplearning4j's format, and as
 * JSON the labels (class order), the fitted vectorizer (settings and IDF weights) and the training settings.
 * Everything needed to serve the model again, on any node, exactly as it was trained.
 *
 * @param network the network's bytes ({@link IntentNetwork#toBytes()})
 * @param labels JSON array of intent names in the network's class order
 * @param vectorizer JSON object of {@link TextVectorizer#toMap()}
 * @param training JSON object of {@link TrainingSettings#toMap()}
 */
public record ModelArtifact(byte[] network, String labels, String vectorizer, String training) {

    public ModelArtifact {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(vectorizer, "vectorizer");
        Objects.requireNonNull(training, "training");
    }

    /** The artifact of a trained model. */
    public static ModelArtifact of(IntentModel model) {
        return new ModelArtifact(model.network().toBytes(), JsonValues.write(model.labels()),
                JsonValues.write(model.vectorizer().toMap()), JsonValues.write(model.training().toMap()));
    }

    /**
     * The model again.
     *
     * @throws IllegalArgumentException when the parts are damaged or do not fit together
     */
    public IntentModel restore() {
        List<String> names = JsonValues.parseArray(labels).stream().map(String::valueOf).toList();
        TextVectorizer v = TextVectorizer.fromMap(JsonValues.parseObject(vectorizer));
        TrainingSettings t = TrainingSettings.fromMap(JsonValues.parseObject(training));
        return new IntentModel(IntentNetwork.fromBytes(network), v, names, t);
    }
}

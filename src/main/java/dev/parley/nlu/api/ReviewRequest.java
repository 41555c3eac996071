package dev.parley.nlu.api;

/** Body of {@code POST /api/v1/admin/nlu/review/{messageId}}: the right intent, and optionally the entity markup. */
public class ReviewRequest {

    /** One of the contract's 28 intents. */
    public String intent;

    /**
     * The turn's text with entity markup ({@code [black]{color:black}}); absent keeps the entities the NLU read.
     */
    public String markup;
}

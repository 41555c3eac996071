package dev.parley.conversation;

import dev.parley.catalog.search.SearchConstraints;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the assistant keeps between turns of one conversation, stored as JSON in {@code conversation.state}
 * so any node can continue it: the language, the last intent, an open clarifying question, the active search
 * and its constraints, the products last shown (so "the second one" resolves), the selected product, the
 * cart, the last variant added, a proposed variant waiting for a yes, and which questions the active search
 * has already asked.
 */
public final class DialogueState {

    /** A product as shown: the product and the variant on its card. */
    public record Shown(long productId, String sku) {
    }

    private String language;
    private String lastIntent;
    private String pendingText;
    private final List<String> offeredIntents = new ArrayList<>();
    private SearchConstraints search;
    private final List<Shown> shown = new ArrayList<>();
    private Shown selected;
    private String cartId;
    private String lastAdded;
    private String proposedSku;
    private final Set<String> asked = new LinkedHashSet<>();
    private final Set<String> verifiedOrders = new LinkedHashSet<>();
    private String orderNumber;
    private String orderQuestion;
    private String customerEmail;
    private CheckoutDraft checkout;

    /** A fresh state in a language. */
    public static DialogueState start(String language) {
        DialogueState s = new DialogueState();
        s.language = language;
        return s;
    }

    /** A state back from its JSON. */
    public static DialogueState fromJson(String json) {
        DialogueState s = new DialogueState();
        if (json == null || json.isBlank()) {
            return s;
        }
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            s.language = o.getString("language", null);
            s.lastIntent = o.getString("lastIntent", null);
            s.pendingText = o.getString("pendingText", null);
            s.offeredIntents.addAll(strings(o, "offeredIntents"));
            if (o.get("search") instanceof JsonObject q) {
                s.search = searchFrom(q);
            }
            if (o.get("shown") instanceof JsonArray a) {
                a.getValuesAs(JsonObject.class).forEach(v -> s.shown.add(shownFrom(v)));
            }
            if (o.get("selected") instanceof JsonObject v) {
                s.selected = shownFrom(v);
            }
            s.cartId = o.getString("cartId", null);
            s.lastAdded = o.getString("lastAdded", null);
            s.proposedSku = o.getString("proposedSku", null);
            s.asked.addAll(strings(o, "asked"));
            s.verifiedOrders.addAll(strings(o, "verifiedOrders"));
            s.orderNumber = o.getString("orderNumber", null);
            s.orderQuestion = o.getString("orderQuestion", null);
            s.customerEmail = o.getString("customerEmail", null);
            if (o.get("checkout") instanceof JsonObject d) {
                s.checkout = CheckoutDraft.fromJson(d);
            }
        }
        return s;
    }

    /** Order numbers the shopper proved in this conversation (order number plus the e-mail or phone used). */
    public Set<String> verifiedOrders() {
        return verifiedOrders;
    }

    /** Remembers that the shopper proved they placed an order. */
    public void verifiedOrder(String number) {
        verifiedOrders.add(number);
        orderNumber = number;
    }

    /** The signed-in customer's e-mail (from the shop's token), offered at checkout; null for anonymous shoppers. */
    public String customerEmail() {
        return customerEmail;
    }

    public void customerEmail(String email) {
        this.customerEmail = email;
    }

    /** The checkout by conversation in progress, or null. */
    public CheckoutDraft checkout() {
        return checkout;
    }

    /** Starts (or, with null, ends) a checkout by conversation. */
    public void checkout(CheckoutDraft draft) {
        this.checkout = draft;
    }

    /** The order being talked about, or null. */
    public String orderNumber() {
        return orderNumber;
    }

    /** Makes an order the one being talked about. */
    public void orderNumber(String number) {
        orderNumber = number;
    }

    /** What the shopper wants to do with an order they have yet to name or prove ({@code status}, {@code cancel}), or null. */
    public String orderQuestion() {
        return orderQuestion;
    }

    /** Sets (null clears) the order question waiting for an order number and e-mail. */
    public void orderQuestion(String question) {
        orderQuestion = question;
    }

    /** The state as JSON. */
    public String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "language", language);
        put(b, "lastIntent", lastIntent);
        put(b, "pendingText", pendingText);
        b.add("offeredIntents", array(offeredIntents));
        if (search != null) {
            b.add("search", searchJson(search));
        }
        JsonArrayBuilder s = Json.createArrayBuilder();
        shown.forEach(v -> s.add(shownJson(v)));
        b.add("shown", s);
        if (selected != null) {
            b.add("selected", shownJson(selected));
        }
        put(b, "cartId", cartId);
        put(b, "lastAdded", lastAdded);
        put(b, "proposedSku", proposedSku);
        b.add("asked", array(asked));
        b.add("verifiedOrders", array(verifiedOrders));
        put(b, "orderNumber", orderNumber);
        put(b, "orderQuestion", orderQuestion);
        put(b, "customerEmail", customerEmail);
        if (checkout != null) {
            b.add("checkout", checkout.toJson());
        }
        return b.build().toString();
    }

    public String language() {
        return language;
    }

    public void language(String language) {
        this.language = language;
    }

    public String lastIntent() {
        return lastIntent;
    }

    public void lastIntent(String intent) {
        this.lastIntent = intent;
    }

    /** The text a clarifying question was about, while one is open. */
    public String pendingText() {
        return pendingText;
    }

    /** The intents the open clarifying question offered. */
    public List<String> offeredIntents() {
        return List.copyOf(offeredIntents);
    }

    /** Opens a clarifying question about a text, offering intents. */
    public void ask(String text, List<String> intents) {
        this.pendingText = text;
        offeredIntents.clear();
        offeredIntents.addAll(intents);
    }

    /** Closes the clarifying question. */
    public void answered() {
        this.pendingText = null;
        offeredIntents.clear();
    }

    /** The active search's constraints, or null when there is none. */
    public SearchConstraints search() {
        return search;
    }

    /** Starts a new search (forgetting which questions the old one asked) or, with the same object, keeps it. */
    public void newSearch(SearchConstraints constraints) {
        this.search = constraints;
        asked.clear();
    }

    /** Refines the active search. */
    public void refineSearch(SearchConstraints constraints) {
        this.search = constraints;
    }

    /** The products last shown, in order. */
    public List<Shown> shown() {
        return List.copyOf(shown);
    }

    /** Records the products just shown. */
    public void shown(Collection<Shown> products) {
        shown.clear();
        shown.addAll(products);
    }

    /** The product the shopper is talking about, or null. */
    public Shown selected() {
        return selected;
    }

    public void select(Shown product) {
        this.selected = product;
    }

    public String cartId() {
        return cartId;
    }

    public void cartId(String cartId) {
        this.cartId = cartId;
    }

    /** The variant last put in the cart ("one more" adds another). */
    public String lastAdded() {
        return lastAdded;
    }

    public void lastAdded(String sku) {
        this.lastAdded = sku;
    }

    /** A variant the assistant offered to add, waiting for a yes; null when none. */
    public String proposedSku() {
        return proposedSku;
    }

    public void propose(String sku) {
        this.proposedSku = sku;
    }

    /** Whether the active search has asked this question ({@code budget}, {@code size}, …). */
    public boolean asked(String question) {
        return asked.contains(question);
    }

    public void markAsked(String question) {
        asked.add(question);
    }

    /** The constraints as JSON (the state's {@code search} field). */
    static JsonObject searchJson(SearchConstraints c) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "text", c.text());
        b.add("types", array(c.types())).add("attributes", array(c.attributes())).add("brands", array(c.brands()))
                .add("colors", array(c.colors())).add("sizes", array(c.sizes()));
        put(b, "gender", c.gender());
        if (c.priceMin() != null) {
            b.add("priceMin", c.priceMin());
        }
        if (c.priceMax() != null) {
            b.add("priceMax", c.priceMax());
        }
        return b.add("inStock", c.inStockOnly()).add("limit", c.limit()).build();
    }

    static SearchConstraints searchFrom(JsonObject o) {
        return new SearchConstraints(o.getString("text", null), Set.copyOf(strings(o, "types")),
                Set.copyOf(strings(o, "attributes")), Set.copyOf(strings(o, "brands")), o.getString("gender", null),
                Set.copyOf(strings(o, "colors")), Set.copyOf(strings(o, "sizes")), decimal(o, "priceMin"),
                decimal(o, "priceMax"), o.getBoolean("inStock", true), o.getInt("limit", 6));
    }

    private static JsonObject shownJson(Shown s) {
        return Json.createObjectBuilder().add("productId", s.productId()).add("sku", s.sku()).build();
    }

    private static Shown shownFrom(JsonObject o) {
        return new Shown(o.getJsonNumber("productId").longValue(), o.getString("sku"));
    }

    private static BigDecimal decimal(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? n.bigDecimalValue() : null;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.get(key) instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        (values instanceof Set<?> ? values.stream().sorted() : values.stream()).forEach(a::add);
        return a;
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }
}

package dev.parley.conversation.api;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.ConversationService;
import dev.parley.conversation.Conversations;
import dev.parley.nlu.api.ParseResponse;
import dev.parley.order.CheckoutRequest;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/conversations} (CONTRACT.md): start a conversation, send a message or an action, read the transcript. */
@Path("v1/conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
public class ConversationResource {

    @Inject
    ConversationService conversations;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a conversation (channel, locale, anonymousId, customerToken: all optional): 201 with "
            + "its id and the opening messages")
    public Response start(JsonObject body) {
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        ConversationService.Started s = conversations.start(string(b, "channel"), string(b, "locale"),
                string(b, "anonymousId"), string(b, "customerToken"));
        JsonObjectBuilder json = Json.createObjectBuilder().add("conversationId", s.conversationId())
                .add("messages", messages(s.messages()));
        return Response.created(uri.getAbsolutePathBuilder().path(s.conversationId()).build())
                .entity(json.build()).build();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a typed message ({text}, at most 2,000 characters) or a button press ({action}); "
            + "the reply holds the NLU reading and the assistant's messages",
            description = "Action types: add_to_cart {sku, quantity}, remove_from_cart {sku, quantity?}, quick_reply "
            + "{payload}, rate {score}, checkout {idempotencyKey, email, shippingAddress, shippingMethod, payment}, "
            + "sign_in {customerToken} (the shop's signed-in customer: the anonymous cart joins theirs), "
            + "restore_cart {token} (a /cart/{token} deep link). A text that is a card number is never stored.")
    public Map<String, Object> message(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw new DomainException(Kind.INVALID, "body-required", "Send {\"text\": \"...\"} or {\"action\": {...}}.");
        }
        boolean hasText = body.containsKey("text");
        boolean hasAction = body.containsKey("action");
        if (hasText == hasAction) {
            throw new DomainException(Kind.INVALID, "text-or-action", "Send either 'text' or 'action', not both or neither.");
        }
        ConversationService.Turn t;
        if (hasText) {
            if (body.get("text").getValueType() != JsonValue.ValueType.STRING) {
                throw new DomainException(Kind.INVALID, "text-not-string", "'text' must be a string.");
            }
            t = conversations.message(id, body.getString("text"));
        } else {
            if (body.get("action").getValueType() != JsonValue.ValueType.OBJECT) {
                throw new DomainException(Kind.INVALID, "action-not-object", "'action' must be an object with a 'type'.");
            }
            JsonObject action = body.getJsonObject("action");
            String type = string(action, "type");
            if (type == null) {
                throw new DomainException(Kind.INVALID, "action-type-required", "An action needs a 'type'.");
            }
            t = switch (type) {
                case "quick_reply" -> conversations.quickReply(id, string(action, "payload"));
                case "add_to_cart" -> conversations.addToCart(id, string(action, "sku"), integer(action, "quantity", 1));
                case "remove_from_cart" -> conversations.removeFromCart(id, string(action, "sku"),
                        action.containsKey("quantity") && !action.isNull("quantity") ? integer(action, "quantity", 1) : null);
                case "rate" -> conversations.rate(id, integer(action, "score", 0));
                case "checkout" -> conversations.checkout(id, checkoutForm(action));
                case "sign_in" -> conversations.signIn(id, string(action, "customerToken"));
                case "restore_cart" -> conversations.restoreCart(id, string(action, "token"));
                default -> throw new DomainException(Kind.INVALID, "unsupported-action", "Action type '" + type
                        + "' is not available; 'quick_reply', 'add_to_cart', 'remove_from_cart', 'rate', "
                        + "'checkout', 'sign_in' and 'restore_cart' are.");
            };
        }
        // A map, not a record: JSON-B leaves out null properties, and CONTRACT.md shows "nlu": null and "cartId": null.
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversationId", t.conversationId());
        out.put("turn", t.turn());
        out.put("nlu", t.nlu() == null ? null : ParseResponse.of(t.nlu()));
        out.put("messages", t.messages().stream().map(BotMessage::toJson).toList());
        out.put("cartId", t.cartId());
        return out;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The transcript: every message with its role and time")
    public JsonObject transcript(@PathParam("id") String id) {
        Conversations.Stored c = conversations.conversation(id);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Conversations.Message m : conversations.transcript(id)) {
            list.add(entry(m));
        }
        return Json.createObjectBuilder().add("conversationId", c.id()).add("channel", c.channel())
                .add("locale", c.locale()).add("messages", list).build();
    }

    /** A transcript entry: role, time, turn, sequence number and the message as sent. */
    static JsonObject entry(Conversations.Message m) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("role", m.role()).add("at", m.at().toString())
                .add("turn", m.turn()).add("seq", m.seq());
        if (m.role().equals("customer")) {
            if (m.kind().equals("text")) {
                o.add("type", "text").add("text", m.text());
                if (m.intent() != null) {
                    o.add("intent", m.intent()).add("language", m.language());
                }
            } else {
                o.add("type", "action").add("action", parse(m.payload()));
            }
        } else {
            parse(m.payload()).forEach(o::add);
        }
        return o.build();
    }

    private static JsonArrayBuilder messages(List<BotMessage> messages) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        messages.forEach(m -> a.add(m.toJson()));
        return a;
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json == null ? "{}" : json))) {
            return r.readObject();
        }
    }

    /**
     * The checkout form. A missing or malformed idempotency key, or a payment or address that is not an object, is
     * refused (400); fields a shopper can get wrong (e-mail, address lines, card number) are checked by the
     * checkout, which answers in the chat what to fix.
     */
    static CheckoutRequest checkoutForm(JsonObject action) {
        String key = string(action, "idempotencyKey");
        if (key == null || !CheckoutRequest.KEY.matcher(key).matches()) {
            throw new DomainException(Kind.INVALID, "bad-idempotency-key", "A checkout needs an 'idempotencyKey' of 8 "
                    + "to 128 letters, digits or '-_.:' (one per checkout; send it again to retry safely).");
        }
        JsonObject address = object(action, "shippingAddress");
        JsonObject payment = object(action, "payment");
        if (payment == null) {
            throw new DomainException(Kind.INVALID, "payment-required", "A checkout needs 'payment': {\"provider\", \"card\"}.");
        }
        CheckoutRequest.Address a = address == null ? null : new CheckoutRequest.Address(string(address, "name"),
                string(address, "line1"), string(address, "line2"), string(address, "city"),
                string(address, "postalCode"), string(address, "country"), string(address, "phone"));
        // Stripe: the PaymentMethod Stripe.js made ("paymentMethod": "pm_…"); the sandbox: the test card number.
        String card = payment.containsKey("paymentMethod") ? string(payment, "paymentMethod") : string(payment, "card");
        return new CheckoutRequest(key, string(action, "email"), a, string(action, "shippingMethod"),
                string(payment, "provider"), card);
    }

    private static JsonObject object(JsonObject o, String key) {
        if (!o.containsKey(key) || o.isNull(key)) {
            return null;
        }
        if (o.get(key).getValueType() != JsonValue.ValueType.OBJECT) {
            throw new DomainException(Kind.INVALID, "not-an-object", "'" + key + "' must be an object.");
        }
        return o.getJsonObject(key);
    }

    private static int integer(JsonObject o, String key, int absent) {
        if (!o.containsKey(key) || o.isNull(key)) {
            return absent;
        }
        if (!(o.get(key) instanceof jakarta.json.JsonNumber n) || !n.isIntegral()) {
            throw new DomainException(Kind.INVALID, "not-an-integer", "'" + key + "' must be a whole number.");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new DomainException(Kind.INVALID, "not-an-integer", "'" + key + "' is out of range.");
        }
    }

    private static String string(JsonObject o, String key) {
        if (!o.containsKey(key) || o.isNull(key)) {
            return null;
        }
        JsonValue v = o.get(key);
        if (!(v instanceof JsonString s)) {
            throw new DomainException(Kind.INVALID, "not-a-string", "'" + key + "' must be a string.");
        }
        return s.getString();
    }
}

package dev.parley.conversation.handlers;

import dev.parley.cart.CartService;
import dev.parley.catalog.ProductView;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.DialogueState;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.Shelf;
import dev.parley.conversation.Stated;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.EntityType;
import dev.parley.nlu.Intent;
import dev.parley.platform.MoneyFormat;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.rules.Pricing;
import dev.parley.rules.PricingRequest;
import dev.parley.rules.Quote;
import dev.parley.rules.api.QuoteDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cart in a conversation, by text ("add the M in black", "再加一件", "remove the socks", "what's in my
 * cart?", "use code WELCOME100") and by button ({@code add_to_cart}, {@code remove_from_cart}). When the
 * variant is unclear it asks with quick replies of the variants in stock. Every cart shown is priced by the
 * live rules.
 */
@ApplicationScoped
public class CartHandler implements IntentHandler {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    CartService carts;

    @Inject
    Shelf shelf;

    @Inject
    Pricing pricing;

    @Inject
    StoreProfiles store;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.ADD_TO_CART, Intent.REMOVE_FROM_CART, Intent.VIEW_CART, Intent.APPLY_COUPON);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        return switch (turn.intent()) {
            case ADD_TO_CART -> addByText(turn);
            case REMOVE_FROM_CART -> removeByText(turn);
            case APPLY_COUPON -> coupon(turn);
            default -> view(turn);
        };
    }

    /** Adds a variant by SKU (the add-to-cart button, or a variant quick reply). */
    public List<BotMessage> add(TurnContext turn, String sku, int quantity) {
        CartService.Change change = carts.add(cartId(turn), sku, quantity, turn.language());
        List<BotMessage> out = new ArrayList<>();
        switch (change.outcome()) {
            case UPDATED -> {
                turn.state().lastAdded(sku);
                turn.state().propose(null);
                out.add(BotMessage.text(turn.replies().text("cart.added", quantity, change.title(),
                        Shelf.options(change.options(), turn.language()), change.quantity())));
                out.addAll(cartMessages(turn, false));
            }
            case UNKNOWN_SKU -> out.add(BotMessage.text(turn.replies().text("cart.unknown_sku")));
            case SOLD_OUT -> out.add(BotMessage.text(turn.replies().text("cart.sold_out", change.title(),
                    Shelf.options(change.options(), turn.language()))));
            case NOT_ENOUGH -> out.add(BotMessage.text(turn.replies().text("cart.not_enough", change.title(),
                    Shelf.options(change.options(), turn.language()), change.available(), change.quantity())));
            case LIMIT -> out.add(BotMessage.text(turn.replies().text("cart.limit", PricingRequest.MAX_QUANTITY,
                    PricingRequest.MAX_LINES)));
            default -> out.add(BotMessage.text(turn.replies().text("cart.unknown_sku")));
        }
        return out;
    }

    /** Takes units of a variant out (all of them when {@code quantity} is null). */
    public List<BotMessage> remove(TurnContext turn, String sku, Integer quantity) {
        CartService.Change change = carts.remove(cartId(turn), sku, quantity, turn.language());
        List<BotMessage> out = new ArrayList<>();
        if (change.outcome() == CartService.Outcome.NOT_IN_CART) {
            out.add(BotMessage.text(turn.replies().text("cart.not_in_cart")));
            return out;
        }
        String label = Shelf.options(change.options(), turn.language());
        out.add(BotMessage.text(change.outcome() == CartService.Outcome.REMOVED
                ? turn.replies().text("cart.removed", change.title(), label)
                : turn.replies().text("cart.reduced", change.title(), label, change.quantity())));
        out.addAll(cartMessages(turn, true));
        return out;
    }

    private List<BotMessage> addByText(TurnContext turn) {
        int quantity = quantity(turn);
        DialogueState state = turn.state();
        Stated stated = Stated.of(turn);
        boolean pointed = turn.cues().ordinal() != 0 || turn.first(EntityType.PRODUCT) != null;
        if (turn.cues().oneMore() && state.lastAdded() != null && !pointed && stated.sizes().isEmpty()
                && stated.colors().isEmpty()) {
            return add(turn, state.lastAdded(), quantity);
        }
        if (state.proposedSku() != null && !pointed && stated.sizes().isEmpty() && stated.colors().isEmpty()) {
            return add(turn, state.proposedSku(), quantity);
        }
        if (Shelf.pointsPastShown(turn)) {
            return List.of(BotMessage.text(turn.replies().text("product.past_shown", state.shown().size())));
        }
        Optional<DialogueState.Shown> which = shelf.resolve(turn);
        if (which.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text(state.shown().isEmpty() ? "cart.which.none" : "cart.which")));
        }
        Optional<ProductView> found = shelf.product(which.get().productId(), turn);
        if (found.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("product.gone")));
        }
        ProductView p = found.get();
        if (stated.sizes().isEmpty() && stated.colors().isEmpty()) {
            if (p.variants().size() == 1) {
                return add(turn, p.variants().get(0).sku(), quantity);
            }
            String shownSku = which.get().sku();
            if (shownSku != null && state.search() != null
                    && (!state.search().sizes().isEmpty() || !state.search().colors().isEmpty())) {
                // The card shown was the variant that met the search's size and colour.
                return add(turn, shownSku, quantity);
            }
        }
        List<ProductView.Variant> fitting = Shelf.matching(p, stated.sizes(), stated.colors()).stream()
                .filter(ProductView.Variant::inStock).toList();
        if (fitting.size() == 1) {
            return add(turn, fitting.get(0).sku(), quantity);
        }
        if (fitting.isEmpty()) {
            List<ProductView.Variant> offered = Shelf.matching(p, stated.sizes(), stated.colors());
            return List.of(BotMessage.text(offered.isEmpty()
                    ? turn.replies().text("stock.not_offered", p.title(), label(stated, turn.language()), String.join(", ",
                            p.variants().stream().map(v -> Shelf.label(v, turn.language())).toList()))
                    : turn.replies().text("stock.sold_out", p.title(), label(stated, turn.language()))));
        }
        List<BotMessage.QuickReply> options = fitting.stream().limit(10).map(v -> new BotMessage.QuickReply(Shelf.label(v, turn.language()),
                "add:" + v.sku() + (quantity > 1 ? ":" + quantity : ""))).toList();
        return List.of(BotMessage.text(turn.replies().text("cart.which_variant", p.title())), BotMessage.quickReplies(options));
    }

    private List<BotMessage> removeByText(TurnContext turn) {
        String cartId = turn.state().cartId();
        Map<String, Integer> lines = cartId == null ? Map.of() : carts.quantities(cartId);
        if (lines.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("cart.empty")));
        }
        Integer quantity = turn.first(EntityType.QUANTITY) == null ? null : quantity(turn);
        if (lines.size() == 1) {
            return remove(turn, lines.keySet().iterator().next(), quantity);
        }
        Stated stated = Stated.of(turn);
        Optional<DialogueState.Shown> which = turn.cues().ordinal() != 0 || turn.first(EntityType.PRODUCT) != null
                || turn.cues().deictic() ? shelf.resolve(turn) : Optional.empty();
        List<String> candidates = new ArrayList<>();
        Map<String, dev.parley.catalog.PricedItem> items = pricingItems(lines.keySet(), turn.language());
        for (String sku : lines.keySet()) {
            dev.parley.catalog.PricedItem item = items.get(sku);
            if (item == null) {
                continue;
            }
            boolean productOk = which.isEmpty() || which.get().productId() == item.productId();
            boolean typeOk = stated.types().isEmpty() || stated.types().contains(item.type());
            boolean optionsOk = item.options().stream().map(String::toLowerCase).toList().containsAll(
                    concatLower(stated.sizes(), stated.colors()));
            if (productOk && typeOk && optionsOk) {
                candidates.add(sku);
            }
        }
        if (candidates.size() == 1) {
            return remove(turn, candidates.get(0), quantity);
        }
        List<String> offer = candidates.isEmpty() ? List.copyOf(lines.keySet()) : candidates;
        List<BotMessage.QuickReply> options = offer.stream().filter(items::containsKey).map(sku -> new BotMessage.QuickReply(
                items.get(sku).title() + " " + Shelf.options(items.get(sku).options(), turn.language()), "remove:" + sku)).toList();
        return List.of(BotMessage.text(turn.replies().text("cart.which_remove")), BotMessage.quickReplies(options));
    }

    private List<BotMessage> coupon(TurnContext turn) {
        String code = turn.first(EntityType.COUPON_CODE);
        if (code == null) {
            return List.of(BotMessage.text(turn.replies().text("coupon.which")));
        }
        String cartId = cartId(turn);
        Map<String, Integer> lines = carts.quantities(cartId);
        if (lines.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("coupon.empty_cart", code)));
        }
        List<PricingRequest.Item> items = lines.entrySet().stream()
                .map(e -> new PricingRequest.Item(e.getKey(), e.getValue())).toList();
        Quote.CouponResult result = pricing.validateCoupon(new PricingRequest(items, List.of(), null,
                PricingRequest.Shopper.anonymous(shopperKey(turn)), null), code, turn.language());
        if (!result.accepted()) {
            return List.of(BotMessage.text(turn.replies().text("coupon.refused", code, result.reason())));
        }
        carts.coupon(cartId, result.code());
        List<BotMessage> out = new ArrayList<>();
        out.add(BotMessage.text(turn.replies().text("coupon.applied", result.code())));
        out.addAll(cartMessages(turn, true));
        return out;
    }

    /** The cart as a cart message with its summary (or that it is empty). */
    public List<BotMessage> view(TurnContext turn) {
        if (turn.state().cartId() == null) {
            return List.of(BotMessage.text(turn.replies().text("cart.empty")));
        }
        return cartMessages(turn, true);
    }

    /** The cart priced now: a summary line and the cart message (or "empty"). */
    private List<BotMessage> cartMessages(TurnContext turn, boolean withSummary) {
        CartService.Priced priced = carts.price(turn.state().cartId(), turn.language());
        List<BotMessage> out = new ArrayList<>();
        if (!priced.setAside().isEmpty()) {
            out.add(BotMessage.text(turn.replies().text("cart.set_aside", priced.setAside().size())));
        }
        if (priced.empty()) {
            out.add(BotMessage.text(turn.replies().text("cart.empty")));
            return out;
        }
        Quote q = priced.quote();
        java.util.Currency currency = java.util.Currency.getInstance(q.currency());
        int units = q.lines().stream().mapToInt(Quote.Line::quantity).sum();
        String summary = turn.replies().text("cart.summary", units, MoneyFormat.format(q.subtotal(), currency, turn.language()),
                MoneyFormat.format(q.discountTotal(), currency, turn.language()),
                MoneyFormat.format(q.shippingFee(), currency, turn.language()),
                MoneyFormat.format(q.total(), currency, turn.language()));
        if (withSummary) {
            out.add(BotMessage.text(summary));
        }
        out.add(BotMessage.cart(json(QuoteDto.of(q, turn.state().cartId(), turn.language())), summary));
        return out;
    }

    private Map<String, dev.parley.catalog.PricedItem> pricingItems(Set<String> skus, String language) {
        return shelf.pricedItems(skus, language);
    }

    private String cartId(TurnContext turn) {
        if (turn.state().cartId() == null || !carts.isOpen(turn.state().cartId())) {
            turn.state().cartId(carts.cartFor(turn.shopper().anonymousId(), turn.shopper().customerId()));
        }
        return turn.state().cartId();
    }

    private static String shopperKey(TurnContext turn) {
        return turn.shopper().customerId() != null ? "customer:" + turn.shopper().customerId()
                : turn.shopper().anonymousId() != null ? "anonymous:" + turn.shopper().anonymousId()
                : "conversation:" + turn.conversationId();
    }

    private static int quantity(TurnContext turn) {
        String q = turn.first(EntityType.QUANTITY);
        try {
            int n = q == null ? 1 : Integer.parseInt(q);
            return Math.max(1, Math.min(n, PricingRequest.MAX_QUANTITY));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String label(Stated stated, String language) {
        return Shelf.options(concatLower(stated.sizes(), stated.colors()), language);
    }

    private static List<String> concatLower(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.toLowerCase(java.util.Locale.ROOT)));
        b.forEach(x -> out.add(x.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    static JsonObject json(Object dto) {
        try (JsonReader r = Json.createReader(new StringReader(JSON.toJson(dto)))) {
            return r.readObject();
        }
    }
}

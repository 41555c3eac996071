package dev.parley.cart;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Inventory;
import dev.parley.catalog.PricedItem;
import dev.parley.catalog.StockLevel;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.rules.Pricing;
import dev.parley.rules.PricingRequest;
import dev.parley.rules.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A shopper's cart: lines change under the cart's row lock and only within the stock on hand (units available
 * now, on hand minus reserved); every read prices the lines with the live rules, so a cart never shows an
 * amount the rules did not compute. Lines whose product has since been archived are set aside, not priced.
 */
@ApplicationScoped
public class CartService {

    @Inject
    Carts carts;

    @Inject
    Catalog catalog;

    @Inject
    Inventory inventory;

    @Inject
    Pricing pricing;

    /** What became of a change. */
    public enum Outcome {
        /** The line now has {@link Change#quantity()} units. */
        UPDATED,
        /** The line was taken out. */
        REMOVED,
        /** No active product has this SKU. */
        UNKNOWN_SKU,
        /** None available now. */
        SOLD_OUT,
        /** Fewer available than asked for: {@link Change#available()} in all. */
        NOT_ENOUGH,
        /** More than {@link PricingRequest#MAX_QUANTITY} units or {@link PricingRequest#MAX_LINES} lines. */
        LIMIT,
        /** The SKU is not in the cart. */
        NOT_IN_CART
    }

    /**
     * A change to a line.
     *
     * @param outcome what happened
     * @param sku the variant
     * @param title its product title (null for an unknown SKU)
     * @param options its option values, e.g. [M, black]
     * @param quantity units in the cart afterwards
     * @param available units available now (for {@link Outcome#NOT_ENOUGH})
     */
    public record Change(Outcome outcome, String sku, String title, List<String> options, int quantity, int available) {

        /** Whether the cart changed. */
        public boolean changed() {
            return outcome == Outcome.UPDATED || outcome == Outcome.REMOVED;
        }
    }

    /**
     * A cart priced now.
     *
     * @param cart the stored cart
     * @param quote the rules' quote of its available lines (null when there are none)
     * @param setAside SKUs in the cart whose product is no longer sold
     */
    public record Priced(Carts.Stored cart, Quote quote, List<String> setAside) {

        public boolean empty() {
            return quote == null;
        }
    }

    /** The shopper's open cart, created when there is none. */
    @Transactional
    public String cartFor(String anonymousId, String customerId) {
        return carts.openCartOf(anonymousId, customerId).orElseGet(() -> carts.create(anonymousId, customerId));
    }

    /** The shopper's open cart, if any (none is created). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> openCartOf(String anonymousId, String customerId) {
        return carts.openCartOf(anonymousId, customerId);
    }

    /**
     * A shopper signed in: their anonymous cart joins the customer's. With no customer cart, the anonymous cart
     * simply becomes theirs; otherwise its lines are added to the customer's cart (a variant in both keeps the
     * larger quantity: the same shoes put in both carts are still one pair), it lends its coupon when the
     * customer's cart has none, and it is closed as merged. Returns the customer's open cart, if any.
     */
    @Transactional
    public Optional<String> signIn(String anonymousId, String customerId) {
        Optional<String> guest = anonymousId == null ? Optional.empty() : carts.guestCartOf(anonymousId);
        Optional<String> own = carts.openCartOf(null, customerId);
        if (guest.isEmpty()) {
            return own;
        }
        if (own.isEmpty()) {
            if (carts.find(guest.get(), true).filter(c -> c.status().equals("open") && c.customerId() == null).isEmpty()) {
                return carts.openCartOf(null, customerId);
            }
            carts.claim(guest.get(), customerId);
            return guest;
        }
        // Both rows locked in id order, so two sign-ins never wait on each other crosswise.
        Map<String, Carts.Stored> locked = new java.util.HashMap<>();
        for (String id : java.util.stream.Stream.of(guest.get(), own.get()).sorted().toList()) {
            locked.put(id, carts.find(id, true).orElseThrow(() -> Carts.notFound(id)));
        }
        Carts.Stored from = locked.get(guest.get());
        Carts.Stored into = locked.get(own.get());
        if (!into.status().equals("open")) {
            return carts.openCartOf(null, customerId);
        }
        if (!from.status().equals("open") || from.customerId() != null) {
            return Optional.of(into.id());
        }
        Map<String, Integer> target = quantities(into.id());
        for (Carts.Line line : carts.lines(from.id())) {
            int have = target.getOrDefault(line.sku(), 0);
            if (line.quantity() > have && (have > 0 || target.size() < PricingRequest.MAX_LINES)) {
                carts.setQuantity(into.id(), line.sku(), line.quantity());
                target.put(line.sku(), line.quantity());
            }
        }
        if (into.couponCode() == null && from.couponCode() != null) {
            carts.coupon(into.id(), from.couponCode());
        }
        carts.mergedInto(from.id(), into.id());
        return Optional.of(into.id());
    }

    /** What opening a cart link did. */
    public enum Restore {
        /** The link's cart is the shopper's own: it is the conversation's cart again. */
        ATTACHED,
        /** The shopper's cart now holds exactly the link cart's lines and coupon. */
        COPIED,
        /** The cart was already checked out: nothing changed. */
        ORDERED,
        /** The link is past its expiry: nothing changed. */
        EXPIRED
    }

    /**
     * The outcome of opening a cart link.
     *
     * @param restore what happened
     * @param cartId the shopper's cart now, or null when nothing changed
     */
    public record Restored(Restore restore, String cartId) {
    }

    /**
     * Opens a cart link for a shopper. Their own cart (same customer, or same anonymous shopper) comes back as
     * it is; anyone else's is copied into the shopper's own open cart, replacing its lines, so the link never
     * hands out another customer's cart itself. A cart merged on sign-in is followed to where its lines went.
     */
    @Transactional
    public Restored restore(CartLinks.Opened link, String anonymousId, String customerId) {
        if (link.expired()) {
            return new Restored(Restore.EXPIRED, null);
        }
        Carts.Stored cart = carts.find(link.cartId(), false).orElseThrow(() -> Carts.notFound(link.cartId()));
        for (int hops = 0; cart.status().equals("merged") && cart.mergedInto() != null && hops < 8; hops++) {
            String next = cart.mergedInto();
            cart = carts.find(next, false).orElseThrow(() -> Carts.notFound(next));
        }
        if (!cart.status().equals("open")) {
            return new Restored(Restore.ORDERED, null);
        }
        boolean own = customerId != null ? customerId.equals(cart.customerId())
                : cart.customerId() == null && anonymousId != null && anonymousId.equals(cart.anonymousId());
        if (own) {
            return new Restored(Restore.ATTACHED, cart.id());
        }
        String target = cartFor(anonymousId, customerId);
        lockOpen(target);
        carts.clear(target);
        for (Carts.Line line : carts.lines(cart.id())) {
            carts.setQuantity(target, line.sku(), line.quantity());
        }
        carts.coupon(target, cart.couponCode());
        return new Restored(Restore.COPIED, target);
    }

    /** Adds units of a variant, within what is available now. */
    @Transactional
    public Change add(String cartId, String sku, int quantity, String locale) {
        requireQuantity(quantity, 1);
        lockOpen(cartId);
        List<Carts.Line> lines = carts.lines(cartId);
        int current = lines.stream().filter(l -> l.sku().equals(sku)).mapToInt(Carts.Line::quantity).sum();
        return setTo(cartId, sku, current + quantity, lines.size() + (current == 0 ? 1 : 0), locale);
    }

    /** Sets a line to {@code quantity} units (zero takes it out), within what is available now. */
    @Transactional
    public Change set(String cartId, String sku, int quantity, String locale) {
        requireQuantity(quantity, 0);
        lockOpen(cartId);
        List<Carts.Line> lines = carts.lines(cartId);
        boolean present = lines.stream().anyMatch(l -> l.sku().equals(sku));
        if (quantity == 0) {
            return remove(cartId, sku, null, locale);
        }
        return setTo(cartId, sku, quantity, lines.size() + (present ? 0 : 1), locale);
    }

    /** Takes {@code quantity} units of a line out (all of them when null). */
    @Transactional
    public Change remove(String cartId, String sku, Integer quantity, String locale) {
        if (quantity != null) {
            requireQuantity(quantity, 1);
        }
        lockOpen(cartId);
        Optional<Carts.Line> line = carts.lines(cartId).stream().filter(l -> l.sku().equals(sku)).findFirst();
        PricedItem item = catalog.pricedItems(List.of(sku), locale).get(sku);
        String title = item == null ? null : item.title();
        List<String> options = item == null ? List.of() : item.options();
        if (line.isEmpty()) {
            return new Change(Outcome.NOT_IN_CART, sku, title, options, 0, 0);
        }
        int left = quantity == null ? 0 : Math.max(0, line.get().quantity() - quantity);
        carts.setQuantity(cartId, sku, left);
        return new Change(left == 0 ? Outcome.REMOVED : Outcome.UPDATED, sku, title, options, left, 0);
    }

    /** Sets the coupon code the cart is priced with (null clears it). */
    @Transactional
    public void coupon(String cartId, String code) {
        lockOpen(cartId);
        carts.coupon(cartId, code);
    }

    /** Prices the cart with the live rules, in a language, for the store's default destination and method. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Priced price(String cartId, String locale) {
        return price(cartId, locale, null);
    }

    /** Prices the cart with the live rules, in a language, shipped to {@code destination} (null: the default). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Priced price(String cartId, String locale, PricingRequest.Destination destination) {
        Carts.Stored cart = carts.find(cartId, false).orElseThrow(() -> Carts.notFound(cartId));
        List<Carts.Line> lines = carts.lines(cartId);
        Map<String, PricedItem> sold = catalog.pricedItems(lines.stream().map(Carts.Line::sku).toList(), locale);
        List<String> setAside = lines.stream().map(Carts.Line::sku).filter(s -> !sold.containsKey(s)).toList();
        List<PricingRequest.Item> items = lines.stream().filter(l -> sold.containsKey(l.sku()))
                .map(l -> new PricingRequest.Item(l.sku(), l.quantity())).toList();
        if (items.isEmpty()) {
            return new Priced(cart, null, setAside);
        }
        List<String> coupons = cart.couponCode() == null ? List.of() : List.of(cart.couponCode());
        Quote quote = pricing.quote(new PricingRequest(items, coupons, destination,
                PricingRequest.Shopper.anonymous(shopperKey(cart)), null), locale);
        return new Priced(cart, quote, setAside);
    }

    /** Whom coupon uses are counted against: the customer, else the anonymous shopper, else the cart. */
    public static String shopperKey(Carts.Stored cart) {
        return cart.customerId() != null ? "customer:" + cart.customerId()
                : cart.anonymousId() != null ? "anonymous:" + cart.anonymousId() : "cart:" + cart.id();
    }

    /** A cart as stored, if it exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Carts.Stored> find(String cartId) {
        return carts.find(cartId, false);
    }

    /** Whether the cart can still change (not yet ordered). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOpen(String cartId) {
        return carts.find(cartId, false).map(c -> c.status().equals("open")).orElse(false);
    }

    /** The SKUs and quantities in a cart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Integer> quantities(String cartId) {
        return carts.lines(cartId).stream().collect(Collectors.toMap(Carts.Line::sku, Carts.Line::quantity,
                Integer::sum, java.util.LinkedHashMap::new));
    }

    private Change setTo(String cartId, String sku, int wanted, int lineCount, String locale) {
        PricedItem item = catalog.pricedItems(List.of(sku), locale).get(sku);
        if (item == null) {
            return new Change(Outcome.UNKNOWN_SKU, sku, null, List.of(), 0, 0);
        }
        int inCart = quantities(cartId).getOrDefault(sku, 0);
        if (wanted > PricingRequest.MAX_QUANTITY || lineCount > PricingRequest.MAX_LINES) {
            return new Change(Outcome.LIMIT, sku, item.title(), item.options(), inCart, 0);
        }
        int available = inventory.level(sku).map(StockLevel::available).orElse(0);
        if (available <= 0) {
            return new Change(Outcome.SOLD_OUT, sku, item.title(), item.options(), inCart, 0);
        }
        if (wanted > available) {
            return new Change(Outcome.NOT_ENOUGH, sku, item.title(), item.options(), inCart, available);
        }
        carts.setQuantity(cartId, sku, wanted);
        return new Change(Outcome.UPDATED, sku, item.title(), item.options(), wanted, available);
    }

    /** Refuses (400) a quantity below {@code min} or above {@link PricingRequest#MAX_QUANTITY}. */
    public static void requireQuantity(int quantity, int min) {
        if (quantity < min || quantity > PricingRequest.MAX_QUANTITY) {
            throw new DomainException(Kind.INVALID, "bad-quantity",
                    "'quantity' is " + min + " to " + PricingRequest.MAX_QUANTITY + ".");
        }
    }

    private void lockOpen(String cartId) {
        Carts.Stored cart = carts.find(cartId, true).orElseThrow(() -> Carts.notFound(cartId));
        if (!cart.status().equals("open")) {
            throw new DomainException(Kind.CONFLICT, "cart-closed", "Cart " + cartId + " is " + cart.status()
                    + " and can no longer change.");
        }
    }
}

package dev.parley.order;

import dev.parley.cart.CartService;
import dev.parley.cart.Carts;
import dev.parley.catalog.Inventory;
import dev.parley.payment.ChargeRequest;
import dev.parley.payment.ChargeResult;
import dev.parley.payment.PaymentGateway;
import dev.parley.payment.PaymentGateways;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.rules.CouponRedemptions;
import dev.parley.rules.PricingRequest;
import dev.parley.rules.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The transactional steps of a checkout, each in a transaction of its own so the payment provider is never
 * called while database locks are held: {@link #begin} (reserve stock and write the order, or replay what a
 * key already did), {@link #settle} (record the provider's answer: commit the stock and close the cart when
 * paid), and the clean-up of orders never paid ({@link #expire}) and of attempts a crash left open
 * ({@link #recover}). Every step takes its row locks in one order (cart, checkout attempt, order, stock), so
 * concurrent steps on one cart queue instead of deadlocking.
 */
@ApplicationScoped
public class CheckoutSteps {

    /** How long stock stays reserved for an order waiting for payment (after a decline, too). */
    public static final Duration HOLD = Duration.ofMinutes(15);
    /** An attempt still open after this long was cut short (a crash); it is settled from the provider's ledger. */
    public static final Duration STALE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(CheckoutSteps.class.getName());

    @Inject
    Orders orders;

    @Inject
    Carts carts;

    @Inject
    CartService cartService;

    @Inject
    Inventory inventory;

    @Inject
    PaymentGateways gateways;

    @Inject
    CouponRedemptions coupons;

    @Inject
    Event<OrderChanged> changed;

    /** What {@link #begin} decided: stop with an outcome, or charge. */
    public sealed interface Step permits Done, Charge {
    }

    /** Nothing to charge: the outcome is final for this call. */
    public record Done(CheckoutOutcome outcome) implements Step {
    }

    /** Charge this order; then {@link #settle} with the answer. */
    public record Charge(long orderId, String orderNumber, ChargeRequest request) implements Step {
    }

    /**
     * Starts (or resumes) a checkout under the cart's row lock: a key already used replays its outcome, or resumes
     * its charge when it never settled; otherwise the form is checked, the cart priced by the rules for the
     * address and method, every line reserved (all or none), and the order written waiting for payment.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Step begin(Buyer buyer, CheckoutRequest request) {
        // A key already used names its own cart (the buyer's cart may have changed since, e.g. after paying).
        String cartId = orders.attempt(request.idempotencyKey(), false).map(Orders.Attempt::cartId)
                .orElse(buyer.cartId());
        if (cartId == null) {
            return new Done(CheckoutOutcome.of(CheckoutOutcome.Kind.EMPTY_CART, null));
        }
        Carts.Stored cart = carts.find(cartId, true).orElseThrow(() -> new DomainException(Kind.NOT_FOUND,
                "unknown-cart", "There is no cart " + cartId + "."));
        String hash = request.fingerprint(cart.id());
        Optional<Orders.Attempt> prior = orders.attempt(request.idempotencyKey(), true);
        if (prior.isPresent()) {
            Orders.Attempt a = prior.get();
            if (!a.requestHash().equals(hash)) {
                throw new DomainException(Kind.CONFLICT, "idempotency-key-reused", "This idempotencyKey was used for "
                        + "a different checkout; use a new key for a new checkout.");
            }
            if (!a.state().equals("started")) {
                return new Done(CheckoutOutcome.fromJson(a.outcome()));
            }
            Orders.StoredOrder order = orders.find(a.orderId(), true).orElseThrow();
            return new Charge(order.id(), order.orderNumber(), charge(order, request));
        }
        if (!cart.status().equals("open")) {
            return new Done(CheckoutOutcome.of(CheckoutOutcome.Kind.ALREADY_ORDERED, lastOrderOf(cart.id())));
        }
        List<String> problems = new ArrayList<>(request.problems());
        if (gateways.named(request.provider()).isEmpty()) {
            problems.add("payment.provider");
        }
        if (!problems.isEmpty()) {
            return new Done(new CheckoutOutcome(CheckoutOutcome.Kind.INVALID, null, null, problems));
        }
        Optional<Orders.StoredOrder> pending = orders.pendingFor(cart.id());
        if (pending.isPresent() && !orders.startedAttempts(pending.get().id()).isEmpty()) {
            return new Done(CheckoutOutcome.of(CheckoutOutcome.Kind.IN_PROGRESS, pending.get().orderNumber()));
        }
        CartService.Priced priced = cartService.price(cart.id(), buyer.locale(), new PricingRequest.Destination(
                request.country(), request.address().postalCode().strip(), request.method()));
        if (!priced.setAside().isEmpty()) {
            return new Done(new CheckoutOutcome(CheckoutOutcome.Kind.SOLD_OUT, null, null, priced.setAside()));
        }
        if (priced.empty()) {
            return new Done(CheckoutOutcome.of(CheckoutOutcome.Kind.EMPTY_CART, null));
        }
        Quote quote = priced.quote();
        if (quote.shipping() == null) {
            return new Done(new CheckoutOutcome(CheckoutOutcome.Kind.NO_SHIPPING, null, request.method(), List.of()));
        }
        Instant until = Instant.now().plus(HOLD);
        Orders.StoredOrder order = null;
        if (pending.isPresent()) {
            Orders.StoredOrder p = pending.get();
            if (sameOrder(p, quote, request)) {
                orders.reserveUntil(p.id(), until);
                order = p;
            } else {
                release(p, OrderStatus.EXPIRED);
            }
        }
        if (order == null) {
            List<String> short_ = reserveAll(quote.lines());
            if (!short_.isEmpty()) {
                return new Done(new CheckoutOutcome(CheckoutOutcome.Kind.SOLD_OUT, null, null, short_));
            }
            order = orders.insert(newOrder(buyer, cart, request, quote, until));
        }
        orders.insertAttempt(request.idempotencyKey(), cart.id(), hash, order.id(), "started", null);
        return new Charge(order.id(), order.orderNumber(), charge(order, request));
    }

    /** Records the provider's answer to an attempt's charge; a second settle of the same attempt changes nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CheckoutOutcome settle(String key, String provider, ChargeRequest request, ChargeResult result) {
        // Locks in the order every step takes them (cart, attempt, order, stock), so steps never deadlock.
        orders.attempt(key, false).ifPresent(found -> carts.find(found.cartId(), true));
        Orders.Attempt a = orders.attempt(key, true).orElseThrow(() -> new DomainException(Kind.NOT_FOUND,
                "unknown-attempt", "No checkout attempt " + key + "."));
        // An attempt waiting for the bank's authentication is settled later by the provider's webhook.
        boolean open = a.state().equals("started") || a.state().equals("action_required")
                && result.status() != ChargeResult.Status.REQUIRES_ACTION;
        if (!open) {
            return CheckoutOutcome.fromJson(a.outcome());
        }
        Orders.StoredOrder order = orders.find(a.orderId(), true).orElseThrow();
        if (result.status() == ChargeResult.Status.UNKNOWN) {
            return CheckoutOutcome.of(CheckoutOutcome.Kind.PAYMENT_PENDING, order.orderNumber());
        }
        orders.recordPayment(order.id(), provider, "charge", request.idempotencyKey(), result.providerRef(),
                request.amountMinor(), order.currency(), result.status().name(), result.declineCode(),
                ChargeRequest.last4(request.card()));
        CheckoutOutcome outcome;
        String state;
        switch (result.status()) {
            case SUCCEEDED -> {
                paid(order);
                outcome = CheckoutOutcome.of(CheckoutOutcome.Kind.PAID, order.orderNumber());
                state = "paid";
            }
            case DECLINED -> {
                outcome = new CheckoutOutcome(CheckoutOutcome.Kind.DECLINED, order.orderNumber(), result.declineCode(),
                        List.of());
                state = "declined";
            }
            default -> {
                outcome = CheckoutOutcome.of(CheckoutOutcome.Kind.ACTION_REQUIRED, order.orderNumber());
                state = "action_required";
            }
        }
        orders.settleAttempt(key, state, outcome.toJson());
        return outcome;
    }

    /**
     * Ends an order whose reservation ran out unpaid: first asks the provider about any attempt still open (a
     * charge that went through is settled as paid), then releases the stock. Safe on every node at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void expire(long orderId) {
        orders.find(orderId, false).ifPresent(o -> carts.find(o.cartId(), true));
        Optional<Orders.StoredOrder> found = orders.find(orderId, true);
        if (found.isEmpty() || found.get().status() != OrderStatus.PENDING_PAYMENT
                || found.get().reservedUntil().isAfter(Instant.now())) {
            return;
        }
        Orders.StoredOrder order = found.get();
        for (Orders.Attempt a : orders.startedAttempts(order.id())) {
            if (settleFromLedger(a, order)) {
                return;
            }
        }
        release(order, OrderStatus.EXPIRED);
        LOG.info(() -> "Order " + order.orderNumber() + " was not paid in time; its stock is released");
    }

    /**
     * Settles an attempt a crash or timeout left open, from what the provider recorded for its key: a charge the
     * provider made is settled as usual; a key the provider never saw is forgotten, so the shopper may use it
     * again (nothing was charged).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recover(String key) {
        orders.attempt(key, false).ifPresent(found -> carts.find(found.cartId(), true));
        Optional<Orders.Attempt> a = orders.attempt(key, true);
        if (a.isEmpty() || !a.get().state().equals("started")
                || a.get().updatedAt().isAfter(Instant.now().minus(STALE))) {
            return;
        }
        Orders.StoredOrder order = orders.find(a.get().orderId(), true).orElseThrow();
        settleFromLedger(a.get(), order);
    }

    /** Keys of attempts open for longer than {@link #STALE}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> staleAttempts() {
        return orders.staleAttempts(Instant.now().minus(STALE), 100);
    }

    private boolean settleFromLedger(Orders.Attempt a, Orders.StoredOrder order) {
        // The provider is named by the payment rows; an attempt that never reached one has none.
        for (PaymentGateway g : gateways.all()) {
            Optional<ChargeResult> r = g.find(a.key());
            if (r.isPresent() && r.get().status() != ChargeResult.Status.UNKNOWN) {
                ChargeRequest req = new ChargeRequest(a.key(), minor(order.total(), order.currency()), order.currency(),
                        null, order.orderNumber());
                return settle(a.key(), g.provider(), req, r.get()).kind() == CheckoutOutcome.Kind.PAID;
            }
        }
        orders.deleteAttempt(a.key());
        return false;
    }

    private void paid(Orders.StoredOrder order) {
        List<Orders.Line> lines = orders.lines(order.id());
        if (order.status() == OrderStatus.EXPIRED) {
            // The reservation ran out before the money came through: take the stock again if it is there.
            List<String> short_ = reserveAll(lines.stream().map(l -> new Quote.Line(l.sku(), l.productId(), l.title(),
                    List.of(), l.quantity(), l.unitPrice(), l.lineTotal(), l.discount(), l.net())).toList());
            if (!short_.isEmpty() || !orders.move(order.id(), OrderStatus.EXPIRED, OrderStatus.PENDING_PAYMENT, null, null)) {
                LOG.severe(() -> "Order " + order.orderNumber() + " was paid after its stock was released and "
                        + short_ + " sold out since: it needs a refund");
                return;
            }
        } else if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return;
        }
        for (Orders.Line l : Orders.bySku(lines)) {
            inventory.commit(l.sku(), l.quantity());
        }
        orders.move(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, null, null);
        changed.fire(new OrderChanged(order.orderNumber(), order.conversationId(), OrderStatus.PAID));
        orders.closeCart(order.cartId());
        if (order.couponCode() != null) {
            Carts.Stored cart = carts.find(order.cartId(), false).orElseThrow();
            coupons.record(order.couponCode(), CartService.shopperKey(cart), order.orderNumber());
        }
    }

    /** Reserves every line, or none: returns the SKUs that were short (nothing stays reserved then). */
    private List<String> reserveAll(List<Quote.Line> lines) {
        List<Quote.Line> done = new ArrayList<>();
        List<String> short_ = new ArrayList<>();
        // In SKU order, so two carts sharing SKUs lock their stock rows in the same order.
        for (Quote.Line l : lines.stream().sorted(java.util.Comparator.comparing(Quote.Line::sku)).toList()) {
            if (inventory.reserve(l.sku(), l.quantity())) {
                done.add(l);
            } else {
                short_.add(l.sku());
            }
        }
        if (!short_.isEmpty()) {
            done.forEach(l -> inventory.release(l.sku(), l.quantity()));
        }
        return short_;
    }

    private void release(Orders.StoredOrder order, OrderStatus to) {
        if (orders.move(order.id(), OrderStatus.PENDING_PAYMENT, to, null, null)) {
            for (Orders.Line l : Orders.bySku(orders.lines(order.id()))) {
                inventory.release(l.sku(), l.quantity());
            }
            for (Orders.Attempt a : orders.startedAttempts(order.id())) {
                orders.deleteAttempt(a.key());
            }
        }
    }

    private boolean sameOrder(Orders.StoredOrder p, Quote quote, CheckoutRequest request) {
        Map<String, Integer> had = orders.lines(p.id()).stream().collect(Collectors.toMap(Orders.Line::sku,
                Orders.Line::quantity));
        Map<String, Integer> now = quote.lines().stream().collect(Collectors.toMap(Quote.Line::sku, Quote.Line::quantity));
        return had.equals(now) && p.total().compareTo(quote.total()) == 0 && p.shippingMethod().equals(request.method())
                && p.shippingAddress().equals(request.address().lines()) && p.email().equals(request.email().strip());
    }

    private Orders.NewOrder newOrder(Buyer buyer, Carts.Stored cart, CheckoutRequest request, Quote quote, Instant until) {
        List<Orders.Line> lines = new ArrayList<>();
        int n = 1;
        for (Quote.Line l : quote.lines()) {
            lines.add(new Orders.Line(n++, l.sku(), l.productId(), l.title(), String.join(" / ", l.options()),
                    l.quantity(), l.unitPrice(), l.lineTotal(), l.discount(), l.net()));
        }
        String coupon = quote.coupons().stream().filter(Quote.CouponResult::accepted).map(Quote.CouponResult::code)
                .findFirst().orElse(null);
        String phone = request.address().phone() == null || request.address().phone().isBlank() ? null
                : request.address().phone().strip();
        return new Orders.NewOrder(cart.id(), buyer.conversationId(), cart.customerId() != null ? cart.customerId()
                : buyer.customerId(), cart.anonymousId() != null ? cart.anonymousId() : buyer.anonymousId(),
                request.email().strip(), phone, request.address().lines(), request.method(), buyer.locale(),
                quote.currency(), quote.subtotal(), quote.discountTotal(), quote.shippingFee(), quote.total(), coupon,
                quote.rulesVersion(), quoteJson(quote), until, lines);
    }

    private static String quoteJson(Quote q) {
        JsonArrayBuilder discounts = Json.createArrayBuilder();
        q.discounts().forEach(d -> discounts.add(Json.createObjectBuilder().add("code", d.code())
                .add("description", d.description()).add("amount", d.amount().toPlainString())
                .add("rule", d.rule() == null ? "" : d.rule())));
        JsonArrayBuilder fired = Json.createArrayBuilder();
        q.firedRules().forEach(fired::add);
        var b = Json.createObjectBuilder().add("rulesVersion", q.rulesVersion()).add("discounts", discounts)
                .add("firedRules", fired);
        if (q.shipping() != null) {
            b.add("shipping", Json.createObjectBuilder().add("region", q.shipping().region())
                    .add("method", q.shipping().method()).add("name", q.shipping().name())
                    .add("fee", q.shipping().fee().toPlainString()).add("etaMinDays", q.shipping().etaMinDays())
                    .add("etaMaxDays", q.shipping().etaMaxDays()));
        }
        return b.build().toString();
    }

    private String lastOrderOf(String cartId) {
        return orders.ofCart(cartId).map(Orders.StoredOrder::orderNumber).orElse(null);
    }

    private ChargeRequest charge(Orders.StoredOrder order, CheckoutRequest request) {
        return new ChargeRequest(request.idempotencyKey(), minor(order.total(), order.currency()), order.currency(),
                request.cardDigits(), order.orderNumber());
    }

    /** An amount in the currency's minor units, as payment providers take it. */
    public static long minor(BigDecimal amount, String currency) {
        return amount.movePointRight(Currency.getInstance(currency).getDefaultFractionDigits()).longValueExact();
    }
}

package dev.parley.conversation.handlers;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.PricedItem;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.TurnContext;
import dev.parley.order.CheckoutOutcome;
import dev.parley.order.CheckoutSteps;
import dev.parley.order.Orders;
import dev.parley.order.api.OrderDto;
import dev.parley.platform.MoneyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * What the assistant says about a checkout: the order when paid, or why not and what to do, in the shopper's
 * language. Every amount comes from the stored order (the rules' quote at checkout).
 */
@ApplicationScoped
public class CheckoutReplies {

    @Inject
    Orders orders;

    @Inject
    Catalog catalog;

    /** The replies for a checkout's outcome; a paid checkout also empties the conversation's cart. */
    public List<BotMessage> of(TurnContext turn, CheckoutOutcome outcome) {
        var r = turn.replies();
        List<BotMessage> out = new ArrayList<>();
        switch (outcome.kind()) {
            case PAID -> {
                Orders.StoredOrder o = orders.byNumber(outcome.orderNumber(), false).orElseThrow();
                String total = MoneyFormat.format(o.total(), Currency.getInstance(o.currency()), turn.language());
                String text = r.text("checkout.paid", o.orderNumber(), total, o.email());
                out.add(BotMessage.text(text));
                out.add(BotMessage.order(OrderDto.of(o, orders.lines(o.id())).toJson(), text));
                turn.state().cartId(null);
                // Placed here: this conversation may talk about it without proving it again.
                turn.state().verifiedOrder(o.orderNumber());
            }
            case DECLINED -> {
                String reason = "checkout.decline." + outcome.detail();
                out.add(BotMessage.text(r.text("checkout.declined", r.text(r.has(reason) ? reason : "checkout.decline.other"),
                        CheckoutSteps.HOLD.toMinutes())));
            }
            case ACTION_REQUIRED -> out.add(BotMessage.text(r.text("checkout.action_required")));
            case PAYMENT_PENDING -> out.add(BotMessage.text(r.text("checkout.pending")));
            case IN_PROGRESS -> out.add(BotMessage.text(r.text("checkout.in_progress")));
            case SOLD_OUT -> {
                Map<String, PricedItem> items = catalog.pricedItems(outcome.items(), turn.language());
                List<String> names = outcome.items().stream().map(sku -> items.containsKey(sku)
                        ? items.get(sku).title() + " (" + String.join(" / ", items.get(sku).options()) + ")" : sku).toList();
                out.add(BotMessage.text(r.text("checkout.sold_out", String.join(r.text("list.and"), names), names.size())));
            }
            case INVALID -> out.add(BotMessage.text(r.text("checkout.invalid", String.join(r.text("list.and"),
                    outcome.items().stream().map(f -> r.has("checkout.field." + f) ? r.text("checkout.field." + f) : f)
                            .toList()))));
            case EMPTY_CART -> out.add(BotMessage.text(r.text("checkout.empty")));
            case NO_SHIPPING -> out.add(BotMessage.text(r.text("checkout.no_shipping", outcome.detail())));
            case ALREADY_ORDERED -> {
                out.add(BotMessage.text(r.text("checkout.already_ordered", outcome.orderNumber())));
                turn.state().cartId(null);
            }
        }
        return out;
    }
}

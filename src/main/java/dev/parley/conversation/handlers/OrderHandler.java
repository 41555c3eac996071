package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.DialogueState;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.EntityType;
import dev.parley.nlu.Intent;
import dev.parley.nlu.entities.Entity;
import dev.parley.order.OrderCancellation;
import dev.parley.order.OrderLookup;
import dev.parley.order.OrderStatus;
import dev.parley.order.Orders;
import dev.parley.order.api.OrderDto;
import dev.parley.platform.MoneyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Where is my order?" and "cancel my order". A signed-in shopper sees their own orders; anyone else first proves
 * an order with its number and the e-mail or phone it was placed with ({@link OrderLookup}, rate-limited), after
 * which the conversation may talk about it. Statuses, tracking and amounts come from the stored order;
 * whether it may be cancelled, from the published policy rules.
 */
@ApplicationScoped
public class OrderHandler implements IntentHandler {

    @Inject
    OrderLookup lookup;

    @Inject
    OrderCancellation cancellation;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.ORDER_STATUS, Intent.CANCEL_ORDER);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        String question = turn.intent() == Intent.CANCEL_ORDER ? "cancel" : "status";
        DialogueState state = turn.state();
        String named = first(turn, EntityType.ORDER_NUMBER);
        String customer = turn.shopper().customerId();
        Orders.StoredOrder order = null;
        if (customer != null) {
            String number = named != null ? named : state.orderNumber();
            if (number == null) {
                List<Orders.StoredOrder> mine = lookup.ofCustomer(customer, 3);
                if (mine.isEmpty()) {
                    return List.of(BotMessage.text(turn.replies().text("order.none")));
                }
                if (question.equals("status") || mine.size() == 1) {
                    order = mine.get(0);
                    if (question.equals("status")) {
                        return statuses(turn, mine);
                    }
                } else {
                    return which(turn, mine, question);
                }
            } else {
                order = lookup.owned(number, customer).orElse(null);
                if (order == null) {
                    return List.of(BotMessage.text(turn.replies().text("order.not_yours", number)));
                }
            }
        } else {
            String number = named != null ? named : state.orderNumber();
            if (number != null && state.verifiedOrders().contains(number)) {
                order = lookup.proven(number).orElse(null);
            } else {
                String contact = Optional.ofNullable(first(turn, EntityType.EMAIL)).orElse(first(turn, EntityType.PHONE));
                if (number == null || contact == null) {
                    state.orderQuestion(question);
                    if (number != null) {
                        state.orderNumber(number);
                    }
                    return List.of(BotMessage.text(turn.replies().text(number == null ? "order.ask" : "order.ask_contact")));
                }
                String asker = turn.shopper().anonymousId() != null ? "anonymous:" + turn.shopper().anonymousId()
                        : "conversation:" + turn.conversationId();
                OrderLookup.Proof proof = lookup.prove(number, contact, asker);
                switch (proof.result()) {
                    case THROTTLED -> {
                        state.orderQuestion(null);
                        return List.of(BotMessage.text(turn.replies().text("order.throttled",
                                OrderLookup.WINDOW.toMinutes())));
                    }
                    case NO_MATCH -> {
                        state.orderQuestion(question);
                        return List.of(BotMessage.text(turn.replies().text("order.no_match")));
                    }
                    default -> {
                        order = proof.order();
                        state.verifiedOrder(order.orderNumber());
                    }
                }
            }
        }
        if (order == null) {
            state.orderQuestion(question);
            return List.of(BotMessage.text(turn.replies().text("order.ask")));
        }
        state.orderQuestion(null);
        state.orderNumber(order.orderNumber());
        return question.equals("cancel") ? cancel(turn, order) : statuses(turn, List.of(order));
    }

    private List<BotMessage> statuses(TurnContext turn, List<Orders.StoredOrder> orders) {
        List<BotMessage> out = new ArrayList<>();
        for (Orders.StoredOrder o : orders) {
            String total = MoneyFormat.format(o.total(), Currency.getInstance(o.currency()), turn.language());
            String text = turn.replies().text("order.status." + o.status().wireName(), o.orderNumber(), total);
            if (o.trackingNumber() != null) {
                text = text + " " + turn.replies().text("order.tracking", o.carrier() == null ? "" : o.carrier(),
                        o.trackingNumber());
            }
            out.add(BotMessage.text(text));
            out.add(BotMessage.order(OrderDto.of(o, lookup.lines(o.id())).toJson(), text));
        }
        return out;
    }

    private List<BotMessage> cancel(TurnContext turn, Orders.StoredOrder order) {
        if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.EXPIRED) {
            return statuses(turn, List.of(order));
        }
        OrderCancellation.Result r = cancellation.cancel(order.orderNumber(), turn.language());
        Orders.StoredOrder now = lookup.proven(order.orderNumber()).orElseThrow();
        String text;
        if (r.cancelled()) {
            String total = MoneyFormat.format(now.total(), Currency.getInstance(now.currency()), turn.language());
            text = turn.replies().text(r.refunded() ? "order.cancelled.refunded" : "order.cancelled", now.orderNumber(), total);
        } else {
            text = turn.replies().text("order.cancel_refused", now.orderNumber(),
                    turn.replies().text("order.state." + now.status().wireName()), r.policy() == null ? "" : r.policy());
        }
        return List.of(BotMessage.text(text), BotMessage.order(OrderDto.of(now, lookup.lines(now.id())).toJson(), text));
    }

    private List<BotMessage> which(TurnContext turn, List<Orders.StoredOrder> orders, String question) {
        turn.state().orderQuestion(question);
        List<BotMessage.QuickReply> options = orders.stream().map(o -> new BotMessage.QuickReply(o.orderNumber(),
                "order:" + question + ":" + o.orderNumber())).toList();
        return List.of(BotMessage.text(turn.replies().text("order.which")), BotMessage.quickReplies(options));
    }

    private static String first(TurnContext turn, EntityType type) {
        List<Entity> found = turn.entities(type);
        return found.isEmpty() ? null : found.get(0).value();
    }
}

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
import dev.parley.order.Returns;
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

    @Inject
    Returns returns;

    @Inject
    PolicyHandler policy;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.ORDER_STATUS, Intent.CANCEL_ORDER, Intent.RETURN_REFUND, Intent.EXCHANGE);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        String question = switch (turn.intent()) {
            case CANCEL_ORDER -> "cancel";
            case RETURN_REFUND -> "return";
            case EXCHANGE -> "exchange";
            default -> "status";
        };
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
                    List<BotMessage> ask = new ArrayList<>();
                    if (number == null && (question.equals("return") || question.equals("exchange"))) {
                        // No order yet: the policy first, then what is needed to act on one.
                        ask.addAll(policy.answer(turn, question.equals("return") ? "returns" : "exchanges"));
                    }
                    ask.add(BotMessage.text(turn.replies().text(number == null ? "order.ask" : "order.ask_contact")));
                    return ask;
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
        return switch (question) {
            case "cancel" -> cancel(turn, order);
            case "return", "exchange" -> sendBack(turn, order, question, null, null);
            default -> statuses(turn, List.of(order));
        };
    }

    /**
     * A quick reply about sending a line back: {@code rma:return:<order>:<sku>} asks for a return,
     * {@code rma:exchange:<order>:<sku>} offers the variants to exchange for, {@code rma:exchange:<order>:<sku>:<new>}
     * asks for the exchange. Only for an order this conversation may see.
     */
    public List<BotMessage> sendBackReply(TurnContext turn, String kind, String number, String sku, String newSku) {
        Orders.StoredOrder order = visible(turn, number).orElse(null);
        if (order == null) {
            turn.state().orderQuestion(kind);
            return List.of(BotMessage.text(turn.replies().text("order.ask")));
        }
        return sendBack(turn, order, kind, sku, newSku);
    }

    private Optional<Orders.StoredOrder> visible(TurnContext turn, String number) {
        String customer = turn.shopper().customerId();
        if (customer != null) {
            return lookup.owned(number, customer);
        }
        return turn.state().verifiedOrders().contains(number) ? lookup.proven(number) : Optional.empty();
    }

    private List<BotMessage> sendBack(TurnContext turn, Orders.StoredOrder order, String kind, String sku, String newSku) {
        var r = turn.replies();
        List<Orders.Line> lines = lookup.lines(order.id());
        if (sku == null && lines.size() > 1) {
            List<BotMessage.QuickReply> options = lines.stream().map(l -> new BotMessage.QuickReply(l.title()
                    + (l.options() == null || l.options().isBlank() ? "" : " (" + l.options() + ")"),
                    "rma:" + kind + ":" + order.orderNumber() + ":" + l.sku())).toList();
            return List.of(BotMessage.text(r.text("order.return.which")), BotMessage.quickReplies(options));
        }
        String line = sku != null ? sku : lines.get(0).sku();
        if (kind.equals("exchange") && newSku == null) {
            Orders.Line sold = lines.stream().filter(l -> l.sku().equals(line)).findFirst().orElseThrow();
            List<BotMessage.QuickReply> choices = returns.exchangeOptions(order, sold, turn.language()).stream()
                    .map(v -> new BotMessage.QuickReply(String.join(" / ", v.options().values()),
                            "rma:exchange:" + order.orderNumber() + ":" + line + ":" + v.sku())).toList();
            if (choices.isEmpty()) {
                return List.of(BotMessage.text(r.text("order.exchange.none")));
            }
            return List.of(BotMessage.text(r.text("order.exchange.which")), BotMessage.quickReplies(choices));
        }
        Returns.Result result;
        try {
            result = returns.request(order.orderNumber(), line, newSku, turn.language());
        } catch (dev.parley.platform.DomainException e) {
            if (e.kind() == dev.parley.platform.DomainException.Kind.CONFLICT) {
                return List.of(BotMessage.text(r.text("order.exchange.none")));
            }
            throw e;
        }
        if (!result.accepted()) {
            return List.of(BotMessage.text(r.text("order.return.refused", order.orderNumber(),
                    result.policy() == null ? "" : result.policy())));
        }
        Returns.Stored rma = result.request();
        String label = "/api/v1/returns/" + rma.rma() + "/label?token=" + rma.labelToken();
        String total = MoneyFormat.format(rma.refundAmount(), Currency.getInstance(order.currency()), turn.language());
        String text = rma.kind().equals("exchange") ? r.text("order.exchange.accepted", rma.rma(), label)
                : r.text("order.return.accepted", rma.rma(), total, label);
        return List.of(BotMessage.text(text));
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

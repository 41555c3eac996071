package dev.parley.conversation.handlers;

import dev.parley.cart.CartService;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import dev.parley.platform.MoneyFormat;
import dev.parley.rules.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * "I want to check out" typed in the chat: the cart's total and the shipping methods with their fees and
 * delivery times (from the rules), and where to enter the address and card (the widget's checkout form, which
 * sends the {@code checkout} action). Collecting the address turn by turn in the chat is still to come.
 */
@ApplicationScoped
public class CheckoutHandler implements IntentHandler {

    @Inject
    CartService carts;

    @Inject
    Pricing pricing;

    @Inject
    CartHandler cartHandler;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.CHECKOUT);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        String cartId = turn.state().cartId();
        if (cartId == null || !carts.isOpen(cartId) || carts.quantities(cartId).isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("checkout.empty")));
        }
        List<BotMessage> out = new ArrayList<>(cartHandler.view(turn));
        Currency currency = Currency.getInstance(pricing.currency());
        List<String> methods = new ArrayList<>();
        for (Pricing.ShippingOption o : pricing.shippingOptions(null, turn.language())) {
            String fee = MoneyFormat.format(o.fee(), currency, turn.language());
            methods.add(o.etaMinDays() == o.etaMaxDays()
                    ? turn.replies().text("checkout.method.days", o.name(), fee, o.etaMinDays())
                    : turn.replies().text("checkout.method", o.name(), fee, o.etaMinDays(), o.etaMaxDays()));
        }
        out.add(BotMessage.text(turn.replies().text("checkout.how", String.join(turn.replies().text("list.and"), methods))));
        return out;
    }
}

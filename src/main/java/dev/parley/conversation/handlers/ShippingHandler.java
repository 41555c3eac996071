package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import dev.parley.platform.MoneyFormat;
import dev.parley.rules.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** Shipping methods, fees, delivery times and free-shipping thresholds from the published shipping rules. */
@ApplicationScoped
public class ShippingHandler implements IntentHandler {

    @Inject
    Pricing pricing;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.SHIPPING_INFO);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        List<Pricing.ShippingOption> options = pricing.shippingOptions(null, turn.language());
        if (options.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("shipping.none")));
        }
        Currency currency = Currency.getInstance(pricing.currency());
        StringBuilder text = new StringBuilder(turn.replies().text("shipping.intro"));
        for (Pricing.ShippingOption o : options) {
            String fee = MoneyFormat.format(o.fee(), currency, turn.language());
            String days = o.etaMinDays() == o.etaMaxDays() ? String.valueOf(o.etaMinDays())
                    : o.etaMinDays() + "–" + o.etaMaxDays();
            text.append("\n• ").append(turn.replies().text("shipping.option", o.name(), fee, days));
            if (o.freeFrom() != null) {
                text.append(turn.replies().text("shipping.free",
                        MoneyFormat.format(o.freeFrom(), currency, turn.language())));
            }
        }
        return List.of(BotMessage.text(text.toString()));
    }
}

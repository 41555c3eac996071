package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import dev.parley.rules.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "Any deals?": the promotions and advertised coupons in force today, exactly as the published rules declare
 * them (their own wording in the shopper's language), at most {@value #SHOWN} of them.
 */
@ApplicationScoped
public class OffersHandler implements IntentHandler {

    static final int SHOWN = 8;

    @Inject
    Pricing pricing;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.PROMOTIONS);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        Pricing.Offers offers = pricing.offers(turn.language());
        List<String> lines = new ArrayList<>();
        offers.promotions().forEach(p -> lines.add(p.description()));
        offers.coupons().forEach(c -> lines.add(turn.replies().text("offers.coupon", c.code(), c.description())));
        if (lines.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("offers.none")));
        }
        StringBuilder text = new StringBuilder(turn.replies().text("offers.intro"));
        for (String line : lines.subList(0, Math.min(SHOWN, lines.size()))) {
            text.append("\n• ").append(line);
        }
        if (lines.size() > SHOWN) {
            text.append('\n').append(turn.replies().text("offers.more", lines.size() - SHOWN));
        }
        return List.of(BotMessage.text(text.toString()));
    }
}

package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.DialogueState;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * "Yes" and "no" to the assistant's last proposal: yes to "shall I add it?" adds the variant; no declines it
 * and remembers the shopper turned the product down, so it is not suggested again.
 */
@ApplicationScoped
public class AnswerHandler implements IntentHandler {

    @Inject
    CartHandler cart;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.AFFIRM, Intent.DENY);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        DialogueState state = turn.state();
        String proposed = state.proposedSku();
        if (turn.intent() == Intent.AFFIRM) {
            if (proposed != null) {
                return cart.add(turn, proposed, 1);
            }
            return List.of(BotMessage.text(turn.replies().text("affirm.nothing")));
        }
        state.propose(null);
        if (state.selected() != null) {
            turn.shopper().learn(turn.shopper().preferences().withRejected(state.selected().productId()));
            state.select(null);
            return List.of(BotMessage.text(turn.replies().text("deny.noted")));
        }
        return List.of(BotMessage.text(turn.replies().text("deny.ok")));
    }
}

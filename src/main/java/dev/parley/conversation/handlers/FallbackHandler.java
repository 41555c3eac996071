package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Out of scope, and the intents whose components are not built yet: says plainly what the assistant cannot
 * do here rather than guessing (issue 5 and 7 bring search, cart, orders and handoff).
 */
@ApplicationScoped
public class FallbackHandler implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.OUT_OF_SCOPE);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        // "out_of_scope" takes no argument: formatting it would eat its apostrophe ("that's" became "thats").
        return List.of(BotMessage.text(turn.intent() == Intent.OUT_OF_SCOPE ? turn.replies().text("out_of_scope")
                : turn.replies().text("not_yet", turn.replies().text("intent." + turn.intent().wireName()))));
    }
}

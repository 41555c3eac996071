package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Greetings, thanks and goodbyes. */
@ApplicationScoped
public class SmallTalkHandler implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.GREETING, Intent.THANKS, Intent.GOODBYE);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        return List.of(BotMessage.text(turn.replies().text(turn.intent().wireName())));
    }
}

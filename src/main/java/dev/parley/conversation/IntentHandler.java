package dev.parley.conversation;

import dev.parley.nlu.Intent;
import java.util.List;
import java.util.Set;

/** Answers the intents it names. Implementations are CDI beans, found by {@link ConversationService}. */
public interface IntentHandler {

    /** The intents this handler answers. */
    Set<Intent> intents();

    /** The reply messages for a turn. */
    List<BotMessage> handle(TurnContext turn);
}

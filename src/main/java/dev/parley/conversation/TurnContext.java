package dev.parley.conversation;

import dev.parley.nlu.Intent;
import dev.parley.nlu.runtime.ParseResult;

/**
 * One turn as a handler sees it.
 *
 * @param conversationId the conversation
 * @param turn the turn number (1 for the first customer message)
 * @param intent the intent being answered (the NLU's, or the one the shopper picked)
 * @param text the shopper's text this turn is about
 * @param parse what the NLU read in it, may be null for a button press
 * @param language the reply language
 * @param replies the wording in that language
 * @param state the dialogue state, which a handler may change
 */
public record TurnContext(String conversationId, int turn, Intent intent, String text, ParseResult parse,
        String language, Replies replies, DialogueState state) {
}

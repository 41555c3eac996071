package dev.parley.conversation;

import dev.parley.nlu.EntityType;
import dev.parley.nlu.Intent;
import dev.parley.nlu.entities.Entity;
import dev.parley.nlu.runtime.ParseResult;
import java.util.List;
import java.util.Locale;

/**
 * One turn as a handler sees it.
 *
 * @param conversationId the conversation
 * @param turn the turn number (1 for the first customer message)
 * @param intent the intent being answered (the NLU's, the one the dialogue context implies, or the one the
 *     shopper picked)
 * @param text the shopper's text this turn is about, may be null for a button press
 * @param parse what the NLU read in it, may be null for a button press
 * @param cues what the text says about the conversation itself ("the second one", "cheaper")
 * @param language the reply language
 * @param replies the wording in that language
 * @param state the dialogue state, which a handler may change
 * @param shopper who is talking and what is remembered about them, which a handler may change
 */
public record TurnContext(String conversationId, int turn, Intent intent, String text, ParseResult parse, Cues cues,
        String language, Replies replies, DialogueState state, Shopper shopper) {

    /** The same turn answered as another intent. */
    public TurnContext as(Intent other) {
        return new TurnContext(conversationId, turn, other, text, parse, cues, language, replies, state, shopper);
    }

    /** The entities of a type the NLU found, in text order (none for a button press). */
    public List<Entity> entities(EntityType type) {
        return parse == null ? List.of() : parse.entities().stream().filter(e -> e.type() == type).toList();
    }

    /** The first entity value of a type, or null. */
    public String first(EntityType type) {
        return entities(type).stream().map(Entity::value).findFirst().orElse(null);
    }

    /** The reply language as a locale list for catalog reads. */
    public List<Locale> locales() {
        return List.of(Locale.forLanguageTag(language));
    }
}

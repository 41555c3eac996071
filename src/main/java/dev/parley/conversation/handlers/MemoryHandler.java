package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.TurnContext;
import dev.parley.conversation.memory.Preferences;
import dev.parley.platform.Money;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.conversation.Shelf;
import dev.parley.conversation.Terms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "What do you remember about me?" lists every preference kept for the shopper; "forget me" / "忘記我的資料"
 * erases them. Chosen by the message's cues, whatever the intent model read.
 */
@ApplicationScoped
public class MemoryHandler {

    @Inject
    StoreProfiles store;

    @Inject
    Shelf shelf;

    /** Lists what is remembered. */
    public List<BotMessage> recall(TurnContext turn) {
        if (turn.shopper().memoryKey() == null) {
            return List.of(BotMessage.text(turn.replies().text("memory.anonymous")));
        }
        Preferences p = turn.shopper().preferences();
        if (p.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("memory.nothing")));
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> size : new TreeMap<>(p.sizes()).entrySet()) {
            lines.add(turn.replies().text("memory.size." + size.getKey(), size.getValue()));
        }
        if (p.budgetMax() != null) {
            lines.add(turn.replies().text("memory.budget", Shelf.price(new Money(p.budgetMax(), store.current().currency()),
                    turn.language())));
        }
        if (!p.colors().isEmpty()) {
            lines.add(turn.replies().text("memory.colors", Terms.list(p.colors(), turn.language())));
        }
        if (!p.brands().isEmpty()) {
            lines.add(turn.replies().text("memory.brands", String.join(", ", p.brands())));
        }
        if (!p.rejected().isEmpty()) {
            List<String> titles = new ArrayList<>();
            for (long id : p.rejected()) {
                shelf.product(id, turn).ifPresent(v -> titles.add(v.title()));
            }
            if (!titles.isEmpty()) {
                lines.add(turn.replies().text("memory.rejected", String.join(", ", titles)));
            }
        }
        StringBuilder text = new StringBuilder(turn.replies().text("memory.intro"));
        lines.forEach(l -> text.append("\n• ").append(l));
        text.append('\n').append(turn.replies().text("memory.how_to_forget"));
        return List.of(BotMessage.text(text.toString()));
    }

    /** Forgets everything. */
    public List<BotMessage> forget(TurnContext turn) {
        if (turn.shopper().memoryKey() == null) {
            return List.of(BotMessage.text(turn.replies().text("memory.anonymous")));
        }
        turn.shopper().forget();
        return List.of(BotMessage.text(turn.replies().text("memory.forgotten")));
    }
}

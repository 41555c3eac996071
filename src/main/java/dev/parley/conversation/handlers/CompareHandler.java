package dev.parley.conversation.handlers;

import dev.parley.catalog.ProductView;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.Cues;
import dev.parley.conversation.DialogueState;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.Shelf;
import dev.parley.conversation.Terms;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.EntityType;
import dev.parley.nlu.Intent;
import dev.parley.nlu.entities.Entity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Compare the first and the third", "這兩個有什麼不同": two or more products side by side from the catalog
 * (price, brand, colours, sizes, and the features one has that the other lacks). Without pointers it compares
 * the selected product with the next shown, or the first two shown.
 */
@ApplicationScoped
public class CompareHandler implements IntentHandler {

    @Inject
    Shelf shelf;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.COMPARE_PRODUCTS);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        List<DialogueState.Shown> shown = turn.state().shown();
        Set<Long> ids = new LinkedHashSet<>();
        for (Entity e : turn.entities(EntityType.PRODUCT)) {
            try {
                ids.add(Long.parseLong(e.value()));
            } catch (NumberFormatException ignored) {
                // not a catalog id
            }
        }
        for (int n : Cues.ordinals(turn.text())) {
            int index = n < 0 ? shown.size() - 1 : n - 1;
            if (index >= 0 && index < shown.size()) {
                ids.add(shown.get(index).productId());
            }
        }
        if (ids.size() < 2 && turn.state().selected() != null) {
            ids.add(turn.state().selected().productId());
        }
        for (DialogueState.Shown s : shown) {
            if (ids.size() >= 2) {
                break;
            }
            ids.add(s.productId());
        }
        List<ProductView> products = new ArrayList<>();
        for (long id : ids) {
            shelf.product(id, turn).ifPresent(products::add);
        }
        if (products.size() < 2) {
            return List.of(BotMessage.text(turn.replies().text("compare.which")));
        }
        StringBuilder text = new StringBuilder(turn.replies().text("compare.intro"));
        for (ProductView p : products) {
            Set<String> own = new LinkedHashSet<>(p.tags());
            for (ProductView other : products) {
                if (other != p) {
                    own.removeAll(other.tags());
                }
            }
            text.append("\n• ").append(turn.replies().text("compare.line", p.title(), Shelf.price(p.price(), turn.language()),
                    p.vendor(), Terms.list(Shelf.optionValues(p, "Color", "Colour", "顏色", "颜色"), turn.language()),
                    String.join(", ", Shelf.optionValues(p, "Size", "尺寸", "尺碼", "尺码"))));
            if (!own.isEmpty()) {
                text.append(' ').append(turn.replies().text("compare.only", Terms.list(List.copyOf(own), turn.language())));
            }
        }
        return List.of(BotMessage.text(text.toString()));
    }
}

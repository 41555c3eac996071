package dev.parley.conversation.handlers;

import dev.parley.catalog.ProductCard;
import dev.parley.catalog.search.CatalogSearch;
import dev.parley.catalog.search.SearchConstraints;
import dev.parley.catalog.search.SearchHit;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.DialogueState;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.Shelf;
import dev.parley.conversation.Stated;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Suggestions: for a product being talked about, similar products in stock (in the shopper's size when
 * known); otherwise the shop's most popular products in stock that fit what the shopper stated ("gift ideas
 * under NT$1,500" → gift-tagged, within budget). Products the shopper turned down are left out.
 */
@ApplicationScoped
public class RecommendationHandler implements IntentHandler {

    @Inject
    CatalogSearch search;

    @Inject
    Shelf shelf;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.RECOMMENDATION);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        Stated stated = Stated.of(turn);
        Set<Long> rejected = Set.copyOf(turn.shopper().preferences().rejected());
        List<SearchHit> hits;
        String intro;
        DialogueState.Shown selected = turn.state().selected();
        if (stated.isEmpty() && selected != null) {
            hits = search.similarInStock(selected.productId(), Set.copyOf(turn.shopper().preferences().sizes().values()),
                    SearchHandler.SHOWN + rejected.size());
            if (hits.isEmpty()) {
                hits = search.similarInStock(selected.productId(), Set.of(), SearchHandler.SHOWN + rejected.size());
            }
            intro = "recommend.similar";
        } else {
            SearchConstraints c = stated.fresh(SearchHandler.SHOWN + rejected.size());
            hits = search.search(c);
            intro = "recommend.popular";
        }
        hits = hits.stream().filter(h -> !rejected.contains(h.productId())).limit(SearchHandler.SHOWN).toList();
        if (hits.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("search.none")));
        }
        List<ProductCard> cards = shelf.cards(hits.stream().map(h -> new DialogueState.Shown(h.productId(), h.sku()))
                .toList(), turn);
        turn.state().shown(cards.stream().map(c -> new DialogueState.Shown(c.productId(), c.sku())).toList());
        turn.state().select(null);
        String text = turn.replies().text(intro);
        return List.of(BotMessage.text(text), BotMessage.products(cards.stream().map(Shelf::item).toList(), null, text));
    }
}

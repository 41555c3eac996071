package dev.parley.conversation.handlers;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductCard;
import dev.parley.catalog.search.Alternatives;
import dev.parley.catalog.search.CatalogSearch;
import dev.parley.catalog.search.SearchConstraints;
import dev.parley.catalog.search.SearchHit;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.DialogueState;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.Shelf;
import dev.parley.conversation.Stated;
import dev.parley.conversation.Terms;
import dev.parley.conversation.TurnContext;
import dev.parley.conversation.memory.Preferences;
import dev.parley.nlu.Intent;
import dev.parley.platform.Money;
import dev.parley.platform.store.StoreProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Product search in a conversation. A message with a category starts a new search; one with only a colour,
 * size, price, brand or feature (or "cheaper", "more expensive") narrows the active one. Every product shown
 * satisfies every constraint; when none does, the closest alternatives are shown marked {@code relaxed} with
 * the loosened constraint named. A broad search asks one question at a time (budget, then size) with quick
 * replies. A returning shopper's remembered size and budget apply unless they say otherwise, and the reply
 * says so; products they turned down are not shown again.
 */
@ApplicationScoped
public class SearchHandler implements IntentHandler {

    /** Products in one products message. */
    public static final int SHOWN = 6;
    /** Matches counted to decide whether to ask a narrowing question. */
    static final int COUNTED = 60;

    @Inject
    CatalogSearch search;

    @Inject
    Shelf shelf;

    @Inject
    Catalog catalog;

    @Inject
    StoreProfiles store;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.PRODUCT_SEARCH);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        Stated stated = Stated.of(turn);
        DialogueState state = turn.state();
        SearchConstraints active = state.search();
        int direction = turn.cues().direction();
        boolean refine = active != null && (stated.refinesOnly() || (stated.isEmpty() && direction != 0)
                || (!stated.types().isEmpty() && stated.types().equals(active.types())));
        if (!refine && stated.isEmpty()) {
            return askWhat(turn);
        }
        learn(turn, stated);
        SearchConstraints c = refine ? stated.refine(active) : stated.fresh(COUNTED);
        if (direction != 0) {
            c = priced(turn, c, direction);
        }
        List<String> remembered = new ArrayList<>();
        SearchConstraints withMemory = refine ? c : remembered(turn, stated, c, remembered);
        if (refine) {
            state.refineSearch(c);
        } else {
            state.newSearch(c);
        }
        return show(turn, withMemory, c, remembered);
    }

    /** Answers a search quick reply: {@code type=coat}, {@code price_max=1000}, {@code size=M}, {@code drop=size}. */
    public List<BotMessage> refine(TurnContext turn, String field, String value) {
        DialogueState state = turn.state();
        SearchConstraints active = state.search();
        if (field.equals("type")) {
            SearchConstraints c = SearchConstraints.none().withTypes(Set.of(value)).inStock(true).withLimit(COUNTED);
            state.newSearch(c);
            List<String> remembered = new ArrayList<>();
            return show(turn, remembered(turn, null, c, remembered), c, remembered);
        }
        if (active == null) {
            return askWhat(turn);
        }
        SearchConstraints c = switch (field) {
            case "price_max" -> active.withPrice(active.priceMin(), new BigDecimal(value));
            case "price_min" -> active.withPrice(new BigDecimal(value), active.priceMax());
            case "size" -> active.withSizes(Set.of(value));
            case "drop" -> switch (value) {
                case "size" -> active.withSizes(null);
                case "budget" -> active.withPrice(null, null);
                default -> active;
            };
            default -> active;
        };
        if (field.equals("price_max")) {
            turn.shopper().learn(turn.shopper().preferences().withBudget(new BigDecimal(value)));
        } else if (field.equals("size")) {
            turn.shopper().learn(turn.shopper().preferences().withSize(value));
        }
        state.refineSearch(c);
        return show(turn, c, c, List.of());
    }

    private List<BotMessage> show(TurnContext turn, SearchConstraints withMemory, SearchConstraints stated,
            List<String> remembered) {
        DialogueState state = turn.state();
        Set<Long> rejected = new LinkedHashSet<>(turn.shopper().preferences().rejected());
        List<SearchHit> hits = withoutRejected(search.search(withMemory), rejected);
        SearchConstraints used = withMemory;
        if (hits.isEmpty() && !remembered.isEmpty()) {
            hits = withoutRejected(search.search(stated), rejected);
            used = stated;
            remembered = List.of();
        }
        List<BotMessage> out = new ArrayList<>();
        String loosened = null;
        if (hits.isEmpty()) {
            Optional<Alternatives> alternatives = search.closestAlternatives(used);
            if (alternatives.isEmpty() || alternatives.get().hits().isEmpty()) {
                state.shown(List.of());
                state.select(null);
                out.add(BotMessage.text(turn.replies().text("search.none")));
                return out;
            }
            loosened = alternatives.get().loosened();
            hits = withoutRejected(alternatives.get().hits(), rejected);
        }
        List<SearchHit> first = hits.subList(0, Math.min(SHOWN, hits.size()));
        List<ProductCard> cards = shelf.cards(first.stream().map(h -> new DialogueState.Shown(h.productId(), h.sku()))
                .toList(), turn);
        state.shown(cards.stream().map(c -> new DialogueState.Shown(c.productId(), c.sku())).toList());
        state.select(null);
        String intro;
        if (loosened != null) {
            intro = turn.replies().text("search.relaxed." + loosened);
        } else if (turn.cues().direction() < 0) {
            intro = turn.replies().text("search.cheaper", hits.size());
        } else if (turn.cues().direction() > 0) {
            intro = turn.replies().text("search.pricier", hits.size());
        } else {
            intro = turn.replies().text("search.found", hits.size());
        }
        if (!remembered.isEmpty()) {
            intro = intro + " " + turn.replies().text("search.remembered", String.join(turn.replies().text("list.and"),
                    remembered));
        }
        out.add(BotMessage.text(intro));
        out.add(BotMessage.products(cards.stream().map(Shelf::item).toList(), loosened, intro));
        if (loosened == null && hits.size() > SHOWN) {
            out.addAll(narrow(turn, used, hits));
        } else if (!remembered.isEmpty()) {
            out.add(BotMessage.quickReplies(remembered.stream().map(r -> r.equals("size")
                    ? new BotMessage.QuickReply(turn.replies().text("search.any_size"), "refine:drop=size")
                    : new BotMessage.QuickReply(turn.replies().text("search.any_budget"), "refine:drop=budget"))
                    .distinct().toList()));
        }
        return out;
    }

    /** One narrowing question for a broad search: the budget first, then the size. */
    private List<BotMessage> narrow(TurnContext turn, SearchConstraints c, List<SearchHit> hits) {
        DialogueState state = turn.state();
        List<ProductCard> all = shelf.cards(hits.stream().map(h -> new DialogueState.Shown(h.productId(), h.sku()))
                .toList(), turn);
        if (c.priceMax() == null && c.priceMin() == null && !state.asked("budget")) {
            List<BigDecimal> bands = bands(all.stream().map(ProductCard::price).map(Money::amount).sorted().toList());
            if (!bands.isEmpty()) {
                state.markAsked("budget");
                List<BotMessage.QuickReply> options = new ArrayList<>();
                for (BigDecimal b : bands) {
                    options.add(new BotMessage.QuickReply(turn.replies().text("search.under",
                            Shelf.price(new Money(b, store.current().currency()), turn.language())),
                            "refine:price_max=" + b.toPlainString()));
                }
                options.add(new BotMessage.QuickReply(turn.replies().text("search.any_budget"), "refine:drop=budget"));
                return List.of(BotMessage.text(turn.replies().text("search.ask.budget")), BotMessage.quickReplies(options));
            }
        }
        if (c.sizes().isEmpty() && !state.asked("size")) {
            List<String> sizes = commonSizes(all);
            if (sizes.size() > 1) {
                state.markAsked("size");
                List<BotMessage.QuickReply> options = new ArrayList<>();
                sizes.forEach(s -> options.add(new BotMessage.QuickReply(s, "refine:size=" + s)));
                return List.of(BotMessage.text(turn.replies().text("search.ask.size")), BotMessage.quickReplies(options));
            }
        }
        return List.of();
    }

    /** Two round price points splitting the prices into thirds ("under NT$1,000", "under NT$2,000"). */
    static List<BigDecimal> bands(List<BigDecimal> sortedPrices) {
        if (sortedPrices.size() < 3) {
            return List.of();
        }
        Set<BigDecimal> out = new LinkedHashSet<>();
        for (int third = 1; third <= 2; third++) {
            BigDecimal p = sortedPrices.get(sortedPrices.size() * third / 3);
            BigDecimal step = p.compareTo(new BigDecimal("2000")) >= 0 ? new BigDecimal("1000") : new BigDecimal("500");
            BigDecimal round = p.divide(step, 0, RoundingMode.CEILING).multiply(step);
            if (round.compareTo(sortedPrices.get(0)) > 0 && round.compareTo(sortedPrices.get(sortedPrices.size() - 1)) <= 0) {
                out.add(round);
            }
        }
        return List.copyOf(out);
    }

    /** The sizes of the shown variants, most common first (at most six). */
    private List<String> commonSizes(List<ProductCard> cards) {
        Map<String, Integer> count = new TreeMap<>();
        catalog.pricedItems(cards.stream().map(ProductCard::sku).toList(), null).values().forEach(item -> item.options()
                .stream().filter(o -> !Preferences.system(o).equals("other")).findFirst()
                .ifPresent(size -> count.merge(size, 1, Integer::sum)));
        return count.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6).map(Map.Entry::getKey).toList();
    }

    /**
     * "Cheaper": below the selected product's price, else below the middle price of those shown; "more
     * expensive": above it. The stated bound replaces any earlier one in that direction.
     */
    private SearchConstraints priced(TurnContext turn, SearchConstraints c, int direction) {
        List<DialogueState.Shown> reference = turn.state().selected() != null ? List.of(turn.state().selected())
                : turn.state().shown();
        List<BigDecimal> prices = shelf.cards(reference, turn).stream().map(p -> p.price().amount())
                .sorted(Comparator.naturalOrder()).toList();
        if (prices.isEmpty()) {
            return c;
        }
        BigDecimal middle = prices.get((prices.size() - 1) / 2);
        if (direction < 0) {
            return c.withPrice(null, middle.subtract(BigDecimal.ONE).max(BigDecimal.ZERO));
        }
        return c.withPrice(middle.add(BigDecimal.ONE), null);
    }

    /** A fresh search with the remembered size and budget where the shopper stated none; names what was used. */
    private SearchConstraints remembered(TurnContext turn, Stated stated, SearchConstraints c, List<String> used) {
        Preferences p = turn.shopper().preferences();
        SearchConstraints out = c;
        if ((stated == null || stated.sizes().isEmpty()) && !p.sizes().isEmpty()) {
            out = out.withSizes(Set.copyOf(p.sizes().values()));
            used.add(turn.replies().text("search.remembered.size", String.join("/", new TreeMap<>(p.sizes()).values())));
        }
        if ((stated == null || (stated.priceMax() == null && stated.priceMin() == null)) && p.budgetMax() != null) {
            out = out.withPrice(out.priceMin(), p.budgetMax());
            used.add(turn.replies().text("search.remembered.budget",
                    Shelf.price(new Money(p.budgetMax(), store.current().currency()), turn.language())));
        }
        return out;
    }

    private static void learn(TurnContext turn, Stated stated) {
        Preferences p = turn.shopper().preferences();
        for (String size : stated.sizes()) {
            p = p.withSize(size);
        }
        if (stated.priceMax() != null) {
            p = p.withBudget(stated.priceMax());
        }
        for (String color : stated.colors()) {
            p = p.withColor(color);
        }
        for (String brand : stated.brands()) {
            p = p.withBrand(brand);
        }
        turn.shopper().learn(p);
    }

    private List<BotMessage> askWhat(TurnContext turn) {
        List<BotMessage.QuickReply> options = catalog.types().stream().limit(8)
                .map(t -> new BotMessage.QuickReply(Terms.name(t, turn.language()), "refine:type=" + t)).toList();
        return List.of(BotMessage.text(turn.replies().text("search.ask.what")), BotMessage.quickReplies(options));
    }

    private static List<SearchHit> withoutRejected(List<SearchHit> hits, Set<Long> rejected) {
        return rejected.isEmpty() ? hits : hits.stream().filter(h -> !rejected.contains(h.productId())).toList();
    }
}

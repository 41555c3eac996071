package dev.parley.conversation.handlers;

import dev.parley.catalog.Inventory;
import dev.parley.catalog.ProductCard;
import dev.parley.catalog.ProductView;
import dev.parley.catalog.StockLevel;
import dev.parley.catalog.search.CatalogSearch;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Questions about one product (the one named, pointed at — "the second one", "第二個" — or being talked about):
 * its details and whether it has a feature (from the catalog's tags), its sizes (offered and in stock, with
 * the shopper's own size when known), and stock of a size and colour (from the inventory, with similar
 * products in stock when it is sold out). A variant in stock is offered for the cart.
 */
@ApplicationScoped
public class ProductHandler implements IntentHandler {

    /** At or below this many units, the reply says how many are left. */
    static final int FEW = 3;

    @Inject
    Shelf shelf;

    @Inject
    Inventory inventory;

    @Inject
    CatalogSearch search;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.PRODUCT_QUESTION, Intent.SIZE_FIT, Intent.STOCK_CHECK);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        if (Shelf.pointsPastShown(turn)) {
            return List.of(BotMessage.text(turn.replies().text("product.past_shown", turn.state().shown().size())));
        }
        Optional<DialogueState.Shown> which = shelf.resolve(turn);
        if (which.isEmpty()) {
            return whichOne(turn);
        }
        Optional<ProductView> found = shelf.product(which.get().productId(), turn);
        if (found.isEmpty()) {
            turn.state().select(null);
            return List.of(BotMessage.text(turn.replies().text("product.gone")));
        }
        ProductView p = found.get();
        Stated stated = withOptionsNamed(Stated.of(turn), p, turn.text());
        Preferences prefs = turn.shopper().preferences();
        for (String size : stated.sizes()) {
            prefs = prefs.withSize(size);
        }
        turn.shopper().learn(prefs);
        return switch (turn.intent()) {
            case STOCK_CHECK -> stock(turn, p, stated);
            case SIZE_FIT -> sizes(turn, p, stated);
            // "Does this come in M?", "這件有黑色嗎": a question naming a size or colour is about availability.
            default -> stated.attributes().isEmpty() && (!stated.sizes().isEmpty() || !stated.colors().isEmpty())
                    ? stock(turn, p, stated) : details(turn, p, stated);
        };
    }

    private List<BotMessage> stock(TurnContext turn, ProductView p, Stated stated) {
        if (stated.sizes().isEmpty() && stated.colors().isEmpty()) {
            List<String> inStock = p.variants().stream().filter(ProductView.Variant::inStock).map(v -> Shelf.label(v, turn.language())).toList();
            if (inStock.isEmpty()) {
                return soldOut(turn, p, Set.of(), turn.replies().text("stock.none_at_all", p.title()));
            }
            if (inStock.size() == p.variants().size()) {
                return List.of(BotMessage.text(turn.replies().text("stock.all", p.title())));
            }
            return List.of(BotMessage.text(turn.replies().text("stock.some", p.title(), String.join(", ", inStock))));
        }
        List<ProductView.Variant> fitting = Shelf.matching(p, stated.sizes(), stated.colors());
        String asked = Shelf.options(concat(stated.sizes(), stated.colors()), turn.language());
        if (fitting.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("stock.not_offered", p.title(), asked,
                    String.join(", ", p.variants().stream().map(v -> Shelf.label(v, turn.language())).toList()))));
        }
        // Options not stated carry over from the variant being talked about ("is it in M?" about the black one).
        String current = turn.state().selected() == null ? null : turn.state().selected().sku();
        Optional<ProductView.Variant> before = p.variants().stream().filter(v -> v.sku().equals(current)).findFirst();
        Optional<ProductView.Variant> available = fitting.stream().filter(ProductView.Variant::inStock)
                .max(java.util.Comparator.comparingInt(v -> shared(v, before.orElse(null))));
        if (available.isEmpty()) {
            return soldOut(turn, p, stated.sizes(), turn.replies().text("stock.sold_out", p.title(), asked));
        }
        ProductView.Variant v = available.get();
        int units = inventory.level(v.sku()).map(StockLevel::available).orElse(0);
        String text = units <= FEW
                ? turn.replies().text("stock.few", p.title(), Shelf.label(v, turn.language()), units, Shelf.price(v.price(), turn.language()))
                : turn.replies().text("stock.yes", p.title(), Shelf.label(v, turn.language()), Shelf.price(v.price(), turn.language()));
        return offer(turn, p, v, text);
    }

    private List<BotMessage> sizes(TurnContext turn, ProductView p, Stated stated) {
        List<String> offered = Shelf.optionValues(p, "Size", "尺寸", "尺碼", "尺码");
        if (offered.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("size.one_size", p.title())));
        }
        List<String> inStock = new ArrayList<>();
        for (String size : offered) {
            if (Shelf.matching(p, Set.of(size), Set.of()).stream().anyMatch(ProductView.Variant::inStock)) {
                inStock.add(size);
            }
        }
        List<BotMessage> out = new ArrayList<>();
        StringBuilder text = new StringBuilder(turn.replies().text("size.offered", p.title(), String.join(", ", offered),
                inStock.isEmpty() ? "-" : String.join(", ", inStock)));
        String mine = stated.sizes().stream().findFirst().orElse(
                turn.shopper().preferences().sizes().get(Preferences.system(offered.get(0))));
        if (mine != null) {
            boolean has = inStock.stream().anyMatch(s -> s.equalsIgnoreCase(mine));
            text.append(' ').append(turn.replies().text(has ? "size.yours_in_stock" : "size.yours_not", mine));
            if (has) {
                Optional<ProductView.Variant> v = Shelf.matching(p, Set.of(mine), stated.colors()).stream()
                        .filter(ProductView.Variant::inStock).findFirst();
                if (v.isPresent()) {
                    text.append(' ').append(turn.replies().text("size.no_guide"));
                    return offer(turn, p, v.get(), text.toString());
                }
            }
        }
        text.append(' ').append(turn.replies().text("size.no_guide"));
        out.add(BotMessage.text(text.toString()));
        if (!inStock.isEmpty()) {
            List<BotMessage.QuickReply> options = inStock.stream().limit(8).map(s -> new BotMessage.QuickReply(s,
                    "stock:" + p.productId() + ":" + s)).toList();
            out.add(BotMessage.quickReplies(options));
        }
        return out;
    }

    private List<BotMessage> details(TurnContext turn, ProductView p, Stated stated) {
        List<BotMessage> out = new ArrayList<>();
        if (!stated.attributes().isEmpty()) {
            List<String> has = new ArrayList<>();
            List<String> lacks = new ArrayList<>();
            Set<String> tags = new LinkedHashSet<>();
            p.tags().forEach(t -> tags.add(t.toLowerCase(Locale.ROOT)));
            for (String a : stated.attributes()) {
                (tags.contains(a) ? has : lacks).add(a);
            }
            if (!has.isEmpty()) {
                out.add(BotMessage.text(turn.replies().text("product.has", p.title(), Terms.list(has, turn.language()))));
            }
            if (!lacks.isEmpty()) {
                out.add(BotMessage.text(turn.replies().text("product.lacks", p.title(), Terms.list(lacks, turn.language()))));
            }
            return out;
        }
        List<String> colors = Shelf.optionValues(p, "Color", "Colour", "顏色", "颜色");
        List<String> sizes = Shelf.optionValues(p, "Size", "尺寸", "尺碼", "尺码");
        StringBuilder text = new StringBuilder(turn.replies().text("product.intro", p.title(), p.vendor(),
                Shelf.price(p.price(), turn.language())));
        if (p.compareAtPrice() != null) {
            text.append(' ').append(turn.replies().text("product.was", Shelf.price(p.compareAtPrice(), turn.language())));
        }
        if (!colors.isEmpty()) {
            text.append(' ').append(turn.replies().text("product.colors", Terms.list(colors, turn.language())));
        }
        if (!sizes.isEmpty()) {
            text.append(' ').append(turn.replies().text("product.sizes", String.join(", ", sizes)));
        }
        String summary = summary(p.description());
        if (!summary.isEmpty()) {
            text.append('\n').append(summary);
        }
        if (!p.tags().isEmpty()) {
            text.append('\n').append(turn.replies().text("product.tags", Terms.list(p.tags(), turn.language())));
        }
        out.add(BotMessage.text(text.toString()));
        String sku = turn.state().selected() != null && turn.state().selected().sku() != null
                ? turn.state().selected().sku() : p.variants().get(0).sku();
        List<ProductCard> card = shelf.cards(List.of(new DialogueState.Shown(p.productId(), sku)), turn);
        out.add(BotMessage.products(card.stream().map(Shelf::item).toList(), null, p.title()));
        return out;
    }

    private List<BotMessage> offer(TurnContext turn, ProductView p, ProductView.Variant v, String text) {
        turn.state().propose(v.sku());
        turn.state().select(new DialogueState.Shown(p.productId(), v.sku()));
        return List.of(BotMessage.text(text + " " + turn.replies().text("offer.add")),
                BotMessage.quickReplies(List.of(new BotMessage.QuickReply(turn.replies().text("offer.add.button"),
                        "add:" + v.sku()))));
    }

    private List<BotMessage> soldOut(TurnContext turn, ProductView p, Set<String> sizes, String text) {
        List<SearchHit> similar = search.similarInStock(p.productId(), sizes, SearchHandler.SHOWN);
        if (similar.isEmpty()) {
            return List.of(BotMessage.text(text));
        }
        List<ProductCard> cards = shelf.cards(similar.stream().map(h -> new DialogueState.Shown(h.productId(), h.sku()))
                .toList(), turn);
        turn.state().shown(cards.stream().map(c -> new DialogueState.Shown(c.productId(), c.sku())).toList());
        String intro = text + " " + turn.replies().text("stock.similar");
        return List.of(BotMessage.text(intro), BotMessage.products(cards.stream().map(Shelf::item).toList(), "product", intro));
    }

    private List<BotMessage> whichOne(TurnContext turn) {
        List<DialogueState.Shown> shown = turn.state().shown();
        if (shown.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("product.which.none")));
        }
        List<ProductCard> cards = shelf.cards(shown, turn);
        List<BotMessage.QuickReply> options = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            options.add(new BotMessage.QuickReply(cards.get(i).title(), "select:" + (i + 1) + ":" + turn.intent().wireName()));
        }
        return List.of(BotMessage.text(turn.replies().text("product.which")), BotMessage.quickReplies(options));
    }

    /** The description's first sentence or two as plain text (at most 240 characters). */
    static String summary(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = org.jsoup.Jsoup.parse(html).text().strip();
        if (text.length() <= 240) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 237);
        return text.substring(0, cut > 120 ? cut : 237) + "…";
    }

    /**
     * The stated constraints plus any of the product's own size or colour values the text names that the NLU did
     * not read as entities (sizes such as "1Y", "8.5" or "18L" in "这双有1Y号吗").
     */
    static Stated withOptionsNamed(Stated stated, ProductView p, String text) {
        if (text == null || !stated.sizes().isEmpty() || !stated.colors().isEmpty()) {
            return stated;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> sizes = new LinkedHashSet<>();
        for (String size : Shelf.optionValues(p, "Size", "尺寸", "尺碼", "尺码")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\p{Alnum}.])"
                    + java.util.regex.Pattern.quote(size.toLowerCase(Locale.ROOT)) + "(?![\\p{Alnum}.])").matcher(lower);
            if (m.find()) {
                sizes.add(size);
            }
        }
        if (sizes.isEmpty()) {
            return stated;
        }
        return new Stated(stated.types(), stated.brands(), stated.colors(), sizes, stated.attributes(), stated.gender(),
                stated.priceMin(), stated.priceMax());
    }

    private static int shared(ProductView.Variant v, ProductView.Variant other) {
        if (other == null) {
            return 0;
        }
        return (int) v.options().entrySet().stream().filter(e -> e.getValue().equals(other.options().get(e.getKey())))
                .count();
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

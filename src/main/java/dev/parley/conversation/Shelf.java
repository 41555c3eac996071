package dev.parley.conversation;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductCard;
import dev.parley.catalog.ProductView;
import dev.parley.nlu.EntityType;
import dev.parley.platform.Money;
import dev.parley.platform.MoneyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog as the conversation shows it: product cards for a products message, the product a shopper
 * means ("the second one", "this one", a named product), and the variants that fit a size and colour.
 */
@ApplicationScoped
public class Shelf {

    @Inject
    Catalog catalog;

    /** Cards for products in order, in the turn's language (archived products are left out). */
    public List<ProductCard> cards(Collection<DialogueState.Shown> products, TurnContext turn) {
        return catalog.cards(products.stream().map(s -> Map.entry(s.productId(), s.sku())).toList(), turn.locales());
    }

    /** Pricing facts (title, type, options) of variants of active products, by SKU. */
    public Map<String, dev.parley.catalog.PricedItem> pricedItems(Collection<String> skus, String language) {
        return catalog.pricedItems(skus, language);
    }

    /** A card as a CONTRACT.md products item. */
    public static JsonObject item(ProductCard c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("productId", Long.toString(c.productId()))
                .add("sku", c.sku()).add("title", c.title()).add("price", money(c.price()));
        if (c.compareAtPrice() != null) {
            b.add("compareAtPrice", money(c.compareAtPrice()));
        } else {
            b.addNull("compareAtPrice");
        }
        b.add("inStock", c.inStock());
        addOrNull(b, "imageUrl", c.imageUrl());
        addOrNull(b, "url", c.url());
        return b.build();
    }

    /** The product in the turn's language. */
    public Optional<ProductView> product(long productId, TurnContext turn) {
        return catalog.product(productId, turn.locales());
    }

    /**
     * The product the shopper means: one they name, the n-th shown ("the second one", "第二個"), or, for "this
     * one" or no pointer at all, the selected product (or the only one shown). Selects it.
     */
    public Optional<DialogueState.Shown> resolve(TurnContext turn) {
        DialogueState state = turn.state();
        String named = turn.first(EntityType.PRODUCT);
        if (named != null) {
            try {
                long id = Long.parseLong(named);
                DialogueState.Shown shown = state.shown().stream().filter(s -> s.productId() == id).findFirst()
                        .orElse(new DialogueState.Shown(id, null));
                state.select(shown);
                return Optional.of(shown);
            } catch (NumberFormatException e) {
                // Not a catalog id: fall through to the conversation's pointers.
            }
        }
        List<DialogueState.Shown> shown = state.shown();
        int n = turn.cues().ordinal();
        if (n != 0 && !shown.isEmpty()) {
            int index = n < 0 ? shown.size() - 1 : n - 1;
            if (index < shown.size()) {
                state.select(shown.get(index));
                return Optional.of(shown.get(index));
            }
            return Optional.empty();
        }
        if (state.selected() != null) {
            return Optional.of(state.selected());
        }
        if (shown.size() == 1) {
            state.select(shown.get(0));
            return Optional.of(shown.get(0));
        }
        return Optional.empty();
    }

    /** Whether the turn pointed past the end of what was shown ("the fifth one" of three). */
    public static boolean pointsPastShown(TurnContext turn) {
        int n = turn.cues().ordinal();
        return n > turn.state().shown().size() && !turn.state().shown().isEmpty();
    }

    /** The variants with one of the sizes and one of the colours (either set empty: any). */
    public static List<ProductView.Variant> matching(ProductView p, Set<String> sizes, Set<String> colors) {
        List<ProductView.Variant> out = new ArrayList<>();
        for (ProductView.Variant v : p.variants()) {
            if (hasAny(v, sizes) && hasAny(v, colors)) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean hasAny(ProductView.Variant v, Set<String> values) {
        if (values.isEmpty()) {
            return true;
        }
        return v.options().values().stream().anyMatch(o -> values.stream().anyMatch(x -> x.equalsIgnoreCase(o)));
    }

    /** The values of one option across variants, in catalog order ({@code Size}: S, M, L). */
    public static List<String> optionValues(ProductView p, String... names) {
        List<String> out = new ArrayList<>();
        for (ProductView.Variant v : p.variants()) {
            for (Map.Entry<String, String> o : v.options().entrySet()) {
                for (String name : names) {
                    if (o.getKey().equalsIgnoreCase(name) && !o.getValue().isBlank() && !out.contains(o.getValue())) {
                        out.add(o.getValue());
                    }
                }
            }
        }
        return out;
    }

    /** A variant's option values joined for a reply ("M / black"). */
    public static String label(ProductView.Variant v, String language) {
        return options(v.options().values().stream().filter(s -> !s.isBlank()).toList(), language);
    }

    /** Option values for a reply, colours in the shopper's language ("M / 黑色"). */
    public static String options(java.util.List<String> values, String language) {
        return String.join(" / ", values.stream().map(o -> Terms.name(o, language)).toList());
    }

    /** A price as the shopper's locale writes it ("NT$1,280"). */
    public static String price(Money m, String language) {
        return MoneyFormat.format(m, language);
    }

    static JsonObject money(Money m) {
        return Json.createObjectBuilder().add("amount", m.amountText()).add("currency", m.currency().getCurrencyCode())
                .build();
    }

    private static void addOrNull(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    /** Lower-cased for comparisons. */
    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}

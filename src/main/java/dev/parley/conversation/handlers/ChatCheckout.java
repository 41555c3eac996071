package dev.parley.conversation.handlers;

import dev.parley.cart.CartService;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.BotMessage.QuickReply;
import dev.parley.conversation.CheckoutDraft;
import dev.parley.conversation.CheckoutDraft.Step;
import dev.parley.conversation.Replies;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.EntityType;
import dev.parley.nlu.Intent;
import dev.parley.order.CheckoutOutcome;
import dev.parley.order.CheckoutRequest;
import dev.parley.order.CustomerAddresses;
import dev.parley.payment.PaymentGateway;
import dev.parley.payment.PaymentGateways;
import dev.parley.platform.MoneyFormat;
import dev.parley.rules.Pricing;
import dev.parley.rules.PricingRequest;
import dev.parley.rules.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checkout by conversation: the assistant asks, one question a turn, for the e-mail and the shipping address
 * (offering a signed-in customer their saved addresses), the shipping method with its fee and delivery time
 * from the rules, and the payment method; shows a summary priced by the rules for that destination and method;
 * and, once the shopper agrees, takes the card number (see {@code ConversationService}, which charges it
 * outside any transaction and never stores it). Every answer is checked as the checkout form's field would be.
 * The shopper may ask something else at any point (the question is asked again afterwards) or cancel.
 */
@ApplicationScoped
public class ChatCheckout {

    private static final Pattern CANCEL = Pattern.compile("(?iu)^\\s*(cancel|cancel (the )?checkout|stop|quit|never ?mind|"
            + "forget it|取消|取消結帳|取消结账|算了|不買了|不买了|不要了|先不要)\\s*[.!。！]*\\s*$");
    private static final Pattern SKIP = Pattern.compile("(?iu)^\\s*(skip|no|none|no thanks|no phone|跳過|跳过|不用|不要|沒有|没有|略過|略过)\\s*[.!。！]*\\s*$");
    /** Intents that, said instead of an answer, are another topic rather than a bad answer. */
    private static final Set<Intent> NOT_A_TOPIC = EnumSet.of(Intent.OUT_OF_SCOPE, Intent.AFFIRM, Intent.DENY,
            Intent.CHECKOUT, Intent.GREETING, Intent.THANKS);

    @Inject
    CartService carts;

    @Inject
    Pricing pricing;

    @Inject
    CartHandler cartHandler;

    @Inject
    CustomerAddresses addresses;

    @Inject
    PaymentGateways gateways;

    /** Starts a checkout by conversation on the conversation's cart (the caller checked it is not empty). */
    public List<BotMessage> begin(TurnContext turn) {
        List<BotMessage> out = new ArrayList<>(cartHandler.view(turn));
        CheckoutDraft draft = CheckoutDraft.at(Step.EMAIL);
        if (turn.state().customerEmail() != null) {
            draft.email(turn.state().customerEmail());
        }
        boolean saved = !addresses.recent(turn.shopper().customerId()).isEmpty();
        draft.step(saved ? Step.SAVED_ADDRESS : draft.email() != null ? Step.NAME : Step.EMAIL);
        turn.state().checkout(draft);
        out.add(BotMessage.text(turn.replies().text("checkout.chat.start")));
        out.addAll(ask(turn, draft));
        return out;
    }

    /**
     * The shopper's typed answer to the pending question: the next question (or the same one with what is
     * wrong), or empty when the message is about something else (the caller answers it, then {@link #reminder}).
     */
    public Optional<List<BotMessage>> answer(TurnContext turn) {
        CheckoutDraft draft = turn.state().checkout();
        String text = turn.text() == null ? "" : turn.text().strip();
        Replies r = turn.replies();
        if (CANCEL.matcher(text).matches()) {
            return Optional.of(cancel(turn));
        }
        // A question is never an answer to these questions (no e-mail, street or postal code ends in "?" or 嗎),
        // and a confident reading of another topic is not a bad answer either: both are asides.
        boolean question = turn.cues().question();
        boolean otherTopic = question
                || turn.parse() != null && !turn.parse().uncertain() && !NOT_A_TOPIC.contains(turn.intent());
        List<BotMessage> out = new ArrayList<>();
        switch (draft.step()) {
            case EMAIL -> {
                String email = turn.first(EntityType.EMAIL);
                String candidate = email != null ? email : text;
                if (!CheckoutRequest.isEmail(candidate)) {
                    return otherTopic ? Optional.empty() : again(turn, draft, "checkout.chat.bad.email");
                }
                draft.email(candidate);
                draft.step(Step.NAME);
            }
            case NAME, LINE1, CITY -> {
                if (question || text.isEmpty()) {
                    return Optional.empty();
                }
                int max = draft.step() == Step.NAME ? 120 : draft.step() == Step.LINE1 ? 200 : 100;
                if (text.length() > max) {
                    return again(turn, draft, "checkout.chat.bad.too_long");
                }
                switch (draft.step()) {
                    case NAME -> {
                        draft.name(text);
                        draft.step(Step.LINE1);
                    }
                    case LINE1 -> {
                        draft.line1(text);
                        draft.step(Step.CITY);
                    }
                    default -> {
                        draft.city(text);
                        draft.step(Step.POSTAL_CODE);
                    }
                }
            }
            case POSTAL_CODE -> {
                draft.postalCode(text);
                if (problems(draft).contains("shippingAddress.postalCode")) {
                    draft.postalCode(null);
                    return otherTopic ? Optional.empty() : again(turn, draft, "checkout.chat.bad.postal_code");
                }
                draft.step(Step.COUNTRY);
            }
            case COUNTRY -> {
                Optional<String> code = country(text);
                if (code.isEmpty()) {
                    return otherTopic ? Optional.empty() : again(turn, draft, "checkout.chat.bad.country");
                }
                draft.country(code.get());
                draft.step(Step.PHONE);
            }
            case PHONE -> {
                if (SKIP.matcher(text).matches() || turn.intent() == Intent.DENY && !turn.parse().uncertain()) {
                    draft.phone(null);
                } else {
                    String phone = turn.first(EntityType.PHONE) != null ? turn.first(EntityType.PHONE) : text;
                    draft.phone(phone);
                    if (problems(draft).contains("shippingAddress.phone")) {
                        draft.phone(null);
                        return otherTopic ? Optional.empty() : again(turn, draft, "checkout.chat.bad.phone");
                    }
                }
                draft.step(Step.METHOD);
            }
            case METHOD -> {
                Optional<Pricing.ShippingOption> picked = options(turn, draft).stream()
                        .filter(o -> o.method().equalsIgnoreCase(text) || o.name().equalsIgnoreCase(text)
                                || text.toLowerCase(Locale.ROOT).contains(o.name().toLowerCase(Locale.ROOT)))
                        .findFirst();
                if (picked.isEmpty()) {
                    return otherTopic ? Optional.empty() : again(turn, draft, "checkout.chat.bad.method");
                }
                draft.method(picked.get().method());
                draft.step(Step.PAYMENT);
            }
            case PAYMENT -> {
                Optional<PaymentGateway> picked = payable().stream()
                        .filter(g -> text.equalsIgnoreCase(g.provider()) || text.equalsIgnoreCase(providerName(r, g.provider())))
                        .findFirst();
                if (picked.isEmpty()) {
                    return otherTopic ? Optional.empty() : again(turn, draft, "checkout.chat.bad.payment");
                }
                draft.provider(picked.get().provider());
                draft.step(Step.CONFIRM);
            }
            case CONFIRM -> {
                if (turn.intent() == Intent.AFFIRM && !turn.parse().uncertain()) {
                    return Optional.of(confirm(turn));
                }
                if (turn.intent() == Intent.DENY && !turn.parse().uncertain()) {
                    return Optional.of(cancel(turn));
                }
                return Optional.empty();
            }
            case SAVED_ADDRESS -> {
                return Optional.empty();
            }
            case CARD -> {
                // A card number never reaches here (it is taken before the NLU); anything else is another topic.
                return Optional.empty();
            }
        }
        out.addAll(ask(turn, draft));
        return Optional.of(out);
    }

    /** How many turns in a row about something else still get the checkout question again; then it is dropped. */
    static final int ASIDES = 2;

    /**
     * After a turn about something else: the pending question again, for the first {@link #ASIDES} such turns in
     * a row; after that the shopper has moved on, and the checkout is dropped quietly (the cart stays; saying
     * "checkout" starts again).
     */
    public List<BotMessage> aside(TurnContext turn) {
        CheckoutDraft draft = turn.state().checkout();
        if (draft == null) {
            return List.of();
        }
        if (draft.aside() > ASIDES) {
            turn.state().checkout(null);
            return List.of();
        }
        return reminder(turn);
    }

    /** The pending question again, after the shopper asked about something else. */
    public List<BotMessage> reminder(TurnContext turn) {
        CheckoutDraft draft = turn.state().checkout();
        if (draft == null) {
            return List.of();
        }
        List<BotMessage> out = new ArrayList<>();
        out.add(BotMessage.text(turn.replies().text("checkout.chat.resume")));
        out.addAll(draft.step() == Step.CONFIRM || draft.step() == Step.CARD ? summary(turn, draft) : ask(turn, draft));
        return out;
    }

    /**
     * A {@code checkout:…} quick reply: {@code address:<id|new>}, {@code email}, {@code method:<code>},
     * {@code pay:<provider>}, {@code skip}, {@code confirm}, {@code cancel}, {@code edit}.
     */
    public List<BotMessage> quickReply(TurnContext turn, String payload) {
        CheckoutDraft draft = turn.state().checkout();
        String[] p = payload.split(":", 3);
        if (draft == null) {
            return List.of(BotMessage.text(turn.replies().text("checkout.chat.over")));
        }
        switch (p.length > 1 ? p[1] : "") {
            case "cancel" -> {
                return cancel(turn);
            }
            case "confirm" -> {
                return draft.step() == Step.CONFIRM ? confirm(turn) : reminder(turn);
            }
            case "edit" -> {
                draft.unconfirm();
                draft.step(addresses.recent(turn.shopper().customerId()).isEmpty() ? Step.NAME : Step.SAVED_ADDRESS);
            }
            case "email" -> {
                if (turn.state().customerEmail() == null || draft.step() != Step.EMAIL) {
                    return reminder(turn);
                }
                draft.email(turn.state().customerEmail());
                draft.step(Step.NAME);
            }
            case "skip" -> {
                if (draft.step() != Step.PHONE) {
                    return reminder(turn);
                }
                draft.phone(null);
                draft.step(Step.METHOD);
            }
            case "address" -> {
                if (p.length != 3) {
                    return reminder(turn);
                }
                if (p[2].equals("new")) {
                    draft.step(draft.email() == null ? Step.EMAIL : Step.NAME);
                } else {
                    Optional<CustomerAddresses.Saved> saved = p[2].matches("[0-9]{1,18}")
                            ? addresses.find(turn.shopper().customerId(), Long.parseLong(p[2])) : Optional.empty();
                    if (saved.isEmpty()) {
                        return reminder(turn);
                    }
                    draft.address(saved.get().address());
                    if (draft.email() == null) {
                        draft.email(saved.get().email());
                    }
                    draft.step(draft.email() == null ? Step.EMAIL : Step.METHOD);
                    draft.unconfirm();
                }
            }
            case "method" -> {
                if (p.length != 3 || draft.step() != Step.METHOD && draft.step() != Step.CONFIRM
                        || options(turn, draft).stream().noneMatch(o -> o.method().equals(p[2]))) {
                    return reminder(turn);
                }
                draft.method(p[2]);
                draft.unconfirm();
                draft.step(draft.provider() == null ? Step.PAYMENT : Step.CONFIRM);
            }
            case "pay" -> {
                if (p.length != 3 || payable().stream().noneMatch(g -> g.provider().equals(p[2]))) {
                    return reminder(turn);
                }
                draft.provider(p[2]);
                draft.step(Step.CONFIRM);
            }
            default -> {
                return reminder(turn);
            }
        }
        return ask(turn, draft);
    }

    /**
     * What the checkout turns into once the provider answered a card: paid ends it, a decline keeps the
     * summary and asks for another card with a new key, a lost answer keeps the key for the retry, and any
     * other refusal (sold out, bad address) ends it with the reason already given.
     */
    public List<BotMessage> after(TurnContext turn, CheckoutOutcome outcome) {
        CheckoutDraft draft = turn.state().checkout();
        if (draft == null) {
            return List.of();
        }
        switch (outcome.kind()) {
            case PAID, SOLD_OUT, INVALID, EMPTY_CART, NO_SHIPPING, ALREADY_ORDERED, ACTION_REQUIRED -> {
                turn.state().checkout(null);
                return List.of();
            }
            case DECLINED -> {
                draft.key(newKey(turn));
                return List.of(quickReplies(turn, List.of(cancelReply(turn.replies()))));
            }
            default -> {
                return List.of();
            }
        }
    }

    /**
     * The shopper's cart has changed since they agreed to the summary (or the rules did): the new summary, to be
     * agreed again before anything is charged.
     */
    public List<BotMessage> changed(TurnContext turn) {
        CheckoutDraft draft = turn.state().checkout();
        draft.unconfirm();
        draft.step(Step.CONFIRM);
        List<BotMessage> out = new ArrayList<>();
        out.add(BotMessage.text(turn.replies().text("checkout.chat.changed")));
        out.addAll(summary(turn, draft));
        return out;
    }

    /** The cart priced for the draft's destination and method, as the summary shows it (null when empty). */
    public Quote quote(String cartId, String language, CheckoutDraft draft) {
        CartService.Priced priced = carts.price(cartId, language,
                new PricingRequest.Destination(draft.country(), draft.postalCode(), draft.method()));
        return priced.quote();
    }

    /** The request the card completes: everything the shopper answered, with the agreed key. */
    public static CheckoutRequest request(CheckoutDraft draft, String card) {
        return new CheckoutRequest(draft.key(), draft.email(), draft.address(), draft.method(), draft.provider(), card);
    }

    /** The agreed-total form of a quote: amount and currency. */
    public static String total(Quote q) {
        return q.total().toPlainString() + " " + q.currency();
    }

    private List<BotMessage> confirm(TurnContext turn) {
        CheckoutDraft draft = turn.state().checkout();
        Quote q = cartQuote(turn, draft);
        if (q == null) {
            turn.state().checkout(null);
            return List.of(BotMessage.text(turn.replies().text("checkout.empty")));
        }
        draft.agree(total(q), newKey(turn));
        draft.step(Step.CARD);
        Replies r = turn.replies();
        String amount = MoneyFormat.format(q.total(), Currency.getInstance(q.currency()), turn.language());
        String hint = !"sandbox".equals(draft.provider()) ? ""
                : (turn.language().startsWith("zh") ? "" : " ") + r.text("checkout.chat.sandbox_cards");
        return List.of(BotMessage.text(r.text("checkout.chat.card", amount) + hint),
                quickReplies(turn, List.of(cancelReply(r))));
    }

    private List<BotMessage> cancel(TurnContext turn) {
        turn.state().checkout(null);
        return List.of(BotMessage.text(turn.replies().text("checkout.chat.cancelled")));
    }

    private Optional<List<BotMessage>> again(TurnContext turn, CheckoutDraft draft, String problem) {
        List<BotMessage> out = new ArrayList<>();
        out.add(BotMessage.text(turn.replies().text(problem)));
        out.addAll(ask(turn, draft));
        return Optional.of(out);
    }

    /** The question for the draft's step, with its quick replies. */
    private List<BotMessage> ask(TurnContext turn, CheckoutDraft draft) {
        Replies r = turn.replies();
        List<QuickReply> options = new ArrayList<>();
        String question;
        switch (draft.step()) {
            case SAVED_ADDRESS -> {
                question = r.text("checkout.chat.ask.saved");
                for (CustomerAddresses.Saved s : addresses.recent(turn.shopper().customerId())) {
                    CheckoutRequest.Address a = s.address();
                    String title = String.join(", ", a.name(), a.line1(), a.city());
                    options.add(new QuickReply(title.length() > 80 ? title.substring(0, 79) + "…" : title,
                            "checkout:address:" + s.id()));
                }
                options.add(new QuickReply(r.text("checkout.chat.new_address"), "checkout:address:new"));
            }
            case EMAIL -> {
                question = r.text("checkout.chat.ask.email");
                if (turn.state().customerEmail() != null) {
                    options.add(new QuickReply(turn.state().customerEmail(), "checkout:email"));
                }
            }
            case NAME -> question = r.text("checkout.chat.ask.name");
            case LINE1 -> question = r.text("checkout.chat.ask.line1");
            case CITY -> question = r.text("checkout.chat.ask.city");
            case POSTAL_CODE -> question = r.text("checkout.chat.ask.postal_code");
            case COUNTRY -> question = r.text("checkout.chat.ask.country");
            case PHONE -> {
                question = r.text("checkout.chat.ask.phone");
                options.add(new QuickReply(r.text("checkout.chat.skip"), "checkout:skip"));
            }
            case METHOD -> {
                List<Pricing.ShippingOption> methods = options(turn, draft);
                if (methods.isEmpty()) {
                    String country = draft.country();
                    draft.country(null);
                    draft.step(Step.COUNTRY);
                    return List.of(BotMessage.text(r.text("checkout.chat.no_shipping", countryName(country, turn.language()))),
                            BotMessage.text(r.text("checkout.chat.ask.country")), quickReplies(turn, List.of(cancelReply(r))));
                }
                question = r.text("checkout.chat.ask.method");
                Currency currency = Currency.getInstance(pricing.currency());
                for (Pricing.ShippingOption o : methods) {
                    // The fee this cart pays by this method (a free-shipping threshold may apply), from the rules.
                    Quote q = cartQuote(turn, draft, o.method());
                    String fee = MoneyFormat.format(q == null ? o.fee() : q.shippingFee(), currency, turn.language());
                    options.add(new QuickReply(methodText(r, o, fee), "checkout:method:" + o.method()));
                }
            }
            case PAYMENT -> {
                List<PaymentGateway> payable = payable();
                if (payable.size() == 1) {
                    draft.provider(payable.get(0).provider());
                    draft.step(Step.CONFIRM);
                    return summary(turn, draft);
                }
                if (payable.isEmpty()) {
                    turn.state().checkout(null);
                    return List.of(BotMessage.text(r.text("checkout.chat.use_form")));
                }
                question = r.text("checkout.chat.ask.payment");
                for (PaymentGateway g : payable) {
                    options.add(new QuickReply(providerName(r, g.provider()), "checkout:pay:" + g.provider()));
                }
            }
            case CONFIRM, CARD -> {
                return summary(turn, draft);
            }
            default -> throw new IllegalStateException(draft.step().name());
        }
        options.add(cancelReply(r));
        return List.of(BotMessage.text(question), quickReplies(turn, options));
    }

    /** The confirmation summary: what, where, how, and the total, all priced by the rules now. */
    private List<BotMessage> summary(TurnContext turn, CheckoutDraft draft) {
        Replies r = turn.replies();
        Quote q = cartQuote(turn, draft);
        if (q == null) {
            turn.state().checkout(null);
            return List.of(BotMessage.text(r.text("checkout.empty")));
        }
        Currency currency = Currency.getInstance(q.currency());
        String language = turn.language();
        int units = q.lines().stream().mapToInt(Quote.Line::quantity).sum();
        String method = options(turn, draft).stream().filter(o -> o.method().equals(draft.method())).findFirst()
                .map(o -> methodText(r, o, MoneyFormat.format(q.shippingFee(), currency, language)))
                .orElse(draft.method());
        String address = draft.address().lines().replace("\n", ", ");
        String text = r.text("checkout.chat.summary", units, MoneyFormat.format(q.subtotal(), currency, language),
                MoneyFormat.format(q.discountTotal(), currency, language), method,
                MoneyFormat.format(q.total(), currency, language), address, draft.email(),
                providerName(r, draft.provider()));
        List<QuickReply> options = new ArrayList<>();
        if (draft.step() == Step.CONFIRM) {
            options.add(new QuickReply(r.text("checkout.chat.place"), "checkout:confirm"));
        }
        options.add(new QuickReply(r.text("checkout.chat.edit"), "checkout:edit"));
        options.add(cancelReply(r));
        return List.of(BotMessage.text(text), quickReplies(turn, options));
    }

    /** A shipping method with its fee and delivery time: "Home delivery NT$100 (1–3 days)". */
    private static String methodText(Replies r, Pricing.ShippingOption o, String fee) {
        return o.etaMinDays() == o.etaMaxDays() ? r.text("checkout.method.days", o.name(), fee, o.etaMinDays())
                : r.text("checkout.method", o.name(), fee, o.etaMinDays(), o.etaMaxDays());
    }

    private Quote cartQuote(TurnContext turn, CheckoutDraft draft) {
        return cartQuote(turn, draft, draft.method());
    }

    private Quote cartQuote(TurnContext turn, CheckoutDraft draft, String method) {
        String cartId = turn.state().cartId();
        if (cartId == null || !carts.isOpen(cartId)) {
            return null;
        }
        return carts.price(cartId, turn.language(),
                new PricingRequest.Destination(draft.country(), draft.postalCode(), method)).quote();
    }

    private List<Pricing.ShippingOption> options(TurnContext turn, CheckoutDraft draft) {
        return pricing.shippingOptions(new PricingRequest.Destination(draft.country(), draft.postalCode(), null),
                turn.language());
    }

    /** Providers a card number typed in the chat can pay (Stripe takes cards only in its own secure form). */
    private List<PaymentGateway> payable() {
        return gateways.all().stream().filter(g -> !g.provider().equals("stripe")).toList();
    }

    private static String providerName(Replies r, String provider) {
        String key = "checkout.chat.provider." + provider;
        return r.has(key) ? r.text(key) : provider;
    }

    private static List<String> problems(CheckoutDraft draft) {
        return new CheckoutRequest("chat-check", draft.email(), draft.address(), draft.method(), "sandbox",
                "4242424242424242").problems();
    }

    /**
     * The card number a message consists of (12 to 19 digits, spaces or dashes between, passing the Luhn
     * check), or null. Such a message is taken before the NLU and never stored.
     */
    public static String cardNumber(String text) {
        if (text == null || text.length() > 40) {
            return null;
        }
        String t = text.strip();
        if (!t.matches("[0-9][0-9 -]{10,36}[0-9]")) {
            return null;
        }
        String digits = t.replaceAll("[ -]", "");
        return digits.matches("[0-9]{12,19}") && CheckoutRequest.luhn(digits) ? digits : null;
    }

    /** A country from a two-letter code or its name in English or Chinese. */
    static Optional<String> country(String text) {
        String t = text.strip().replaceAll("[.。!！]+$", "");
        if (t.matches("[A-Za-z]{2}")) {
            String code = t.toUpperCase(Locale.ROOT);
            return List.of(Locale.getISOCountries()).contains(code) ? Optional.of(code) : Optional.empty();
        }
        String folded = t.toLowerCase(Locale.ROOT).replace('臺', '台');
        for (String code : Locale.getISOCountries()) {
            Locale place = new Locale("", code);
            for (Locale in : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE, Locale.SIMPLIFIED_CHINESE)) {
                String name = place.getDisplayCountry(in).toLowerCase(Locale.ROOT).replace('臺', '台');
                // "Hong Kong SAR China" / "中國香港特別行政區" are "Hong Kong" / "香港" to shoppers.
                String shortName = name.replaceAll("\\s*sar( china)?$", "").replaceAll("^中[國国](?=.{2})", "")
                        .replaceAll("特[別别]行政[區区]$", "");
                if (!name.isEmpty() && (name.equals(folded) || shortName.equals(folded))) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }

    private static String countryName(String code, String language) {
        Locale in = language.equals("zh-TW") ? Locale.TRADITIONAL_CHINESE
                : language.equals("zh-CN") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        return code == null ? "" : new Locale("", code).getDisplayCountry(in);
    }

    private static QuickReply cancelReply(Replies r) {
        return new QuickReply(r.text("checkout.chat.cancel"), "checkout:cancel");
    }

    private static BotMessage quickReplies(TurnContext turn, List<QuickReply> options) {
        return BotMessage.quickReplies(options);
    }

    private static String newKey(TurnContext turn) {
        return "chat:" + turn.conversationId() + ":" + UUID.randomUUID();
    }
}

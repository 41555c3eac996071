package dev.parley.conversation;

import dev.parley.cart.CartLinks;
import dev.parley.cart.CartService;
import dev.parley.conversation.handlers.CartHandler;
import dev.parley.conversation.handlers.ChatCheckout;
import dev.parley.conversation.handlers.CheckoutReplies;
import dev.parley.conversation.handlers.FallbackHandler;
import dev.parley.conversation.handlers.MemoryHandler;
import dev.parley.conversation.handlers.PolicyHandler;
import dev.parley.conversation.handlers.SearchHandler;
import dev.parley.conversation.memory.Preferences;
import dev.parley.conversation.memory.ShopperMemory;
import dev.parley.customer.CustomerIdentity;
import dev.parley.customer.CustomerTokens;
import dev.parley.nlu.EntityType;
import dev.parley.nlu.Intent;
import dev.parley.nlu.runtime.NluService;
import dev.parley.nlu.runtime.ParseResult;
import dev.parley.order.Buyer;
import dev.parley.order.CheckoutOutcome;
import dev.parley.order.CheckoutRequest;
import dev.parley.order.CheckoutService;
import dev.parley.payment.ChargeRequest;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.rules.Quote;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The turn loop. A turn locks its conversation, reads what the NLU understands in the text, answers with the
 * intent's handler (or asks which of the two likeliest intents was meant when the NLU is unsure), and stores
 * the customer's message (with the whole parse, intent, confidence, model version and latency) and the
 * replies in one transaction, together with the dialogue state. Nothing a shopper said is lost: the message
 * and the state change are committed together or not at all.
 */
@ApplicationScoped
public class ConversationService {

    /** Channels of CONTRACT.md. */
    public static final Set<String> CHANNELS = Set.of("web", "whatsapp", "line", "messenger", "demo");
    /** Languages the assistant speaks. */
    public static final Set<String> LANGUAGES = Set.of("en", "zh-TW", "zh-CN");

    @Inject
    Conversations store;

    @Inject
    NluService nlu;

    @Inject
    CustomerTokens tokens;

    @Inject
    StoreProfiles profiles;

    @Inject
    Instance<IntentHandler> handlers;

    @Inject
    FallbackHandler fallback;

    @Inject
    PolicyHandler policy;

    @Inject
    SearchHandler searchHandler;

    @Inject
    CartHandler cartHandler;

    @Inject
    MemoryHandler memoryHandler;

    @Inject
    ShopperMemory memory;

    @Inject
    CheckoutService checkoutService;

    @Inject
    CheckoutReplies checkoutReplies;

    @Inject
    dev.parley.conversation.handlers.OrderHandler orderHandler;

    @Inject
    CartService carts;

    @Inject
    CartLinks cartLinks;

    @Inject
    ChatCheckout chatCheckout;

    /** This bean through its proxy, for a transactional step called from a method that must not be in one. */
    @Inject
    ConversationService self;

    /** Intents about a product, the cart or the order, which keep their meaning whatever the context. */
    private static final Set<Intent> CONCRETE = EnumSet.of(Intent.PRODUCT_QUESTION, Intent.SIZE_FIT,
            Intent.STOCK_CHECK, Intent.COMPARE_PRODUCTS, Intent.ADD_TO_CART, Intent.REMOVE_FROM_CART,
            Intent.VIEW_CART, Intent.CHECKOUT, Intent.APPLY_COUPON, Intent.RECOMMENDATION);
    /** Intents of a question about one product, which a bare size or colour continues ("and in black?"). */
    private static final Set<Intent> ABOUT_PRODUCT = EnumSet.of(Intent.PRODUCT_QUESTION, Intent.SIZE_FIT,
            Intent.STOCK_CHECK);
    /** Intents about one order, which an order number or e-mail in the message does not change. */
    private static final Set<Intent> ABOUT_ORDER = EnumSet.of(Intent.ORDER_STATUS, Intent.CANCEL_ORDER,
            Intent.RETURN_REFUND, Intent.EXCHANGE);
    /** Topics that a stray colour or size does not turn into a search refinement. */
    private static final Set<Intent> OTHER_TOPICS = EnumSet.of(Intent.PROMOTIONS, Intent.SHIPPING_INFO,
            Intent.STORE_POLICY, Intent.ORDER_STATUS, Intent.CANCEL_ORDER, Intent.RETURN_REFUND, Intent.EXCHANGE,
            Intent.PAYMENT_ISSUE, Intent.ACCOUNT, Intent.COMPLAINT, Intent.HUMAN_HANDOFF, Intent.GREETING,
            Intent.GOODBYE, Intent.THANKS);

    private final Map<Intent, IntentHandler> byIntent = new EnumMap<>(Intent.class);

    /** A started conversation and its opening messages. */
    public record Started(String conversationId, List<BotMessage> messages) {
    }

    /** An answered turn; {@code cartId} is the conversation's cart, if it has one. */
    public record Turn(String conversationId, int turn, ParseResult nlu, List<BotMessage> messages, String cartId) {
    }

    @PostConstruct
    void index() {
        for (IntentHandler h : handlers) {
            for (Intent i : h.intents()) {
                if (byIntent.put(i, h) != null) {
                    throw new IllegalStateException("Two handlers answer " + i);
                }
            }
        }
    }

    /** Starts a conversation; a customer token that does not verify is refused (401). */
    @Transactional
    public Started start(String channel, String locale, String anonymousId, String customerToken) {
        String ch = channel == null || channel.isBlank() ? "web" : channel.strip();
        if (!CHANNELS.contains(ch)) {
            throw new DomainException(Kind.INVALID, "bad-channel", "'channel' is one of web, whatsapp, line, messenger, demo.");
        }
        String language = locale == null || locale.isBlank() ? profiles.current().defaultLocale() : locale.strip();
        if (!LANGUAGES.contains(language)) {
            throw new DomainException(Kind.INVALID, "bad-locale", "'locale' is en, zh-TW or zh-CN.");
        }
        if (anonymousId != null && (anonymousId.isBlank() || anonymousId.length() > 128)) {
            throw new DomainException(Kind.INVALID, "bad-anonymous-id", "'anonymousId' is 1 to 128 characters.");
        }
        CustomerIdentity who = null;
        if (customerToken != null) {
            who = tokens.identify(customerToken).orElseThrow(() -> new DomainException(
                    Kind.UNAUTHENTICATED, "bad-customer-token", "The customer token is not valid."));
            adoptGuest(anonymousId, who.customerId());
        }
        String customerId = who == null ? null : who.customerId();
        DialogueState state = DialogueState.start(language);
        state.customerEmail(who == null ? null : who.email());
        // The shopper's cart is theirs across conversations and devices: it carries on here.
        state.cartId(carts.openCartOf(anonymousId, customerId).orElse(null));
        String id = store.create(ch, language, anonymousId, customerId, state.toJson());
        BotMessage welcome = BotMessage.text(Replies.of(language, 0).text("welcome"));
        store.append(id, 0, List.of(bot(welcome)), state.toJson());
        return new Started(id, List.of(welcome));
    }

    /**
     * A typed message. A message that is a card number is never parsed or stored: while checkout by
     * conversation waits for the card it pays (outside any transaction, like {@link #checkout}), otherwise the
     * shopper is told not to send card numbers in the chat; the transcript keeps only its last four digits.
     * Anything else is {@link #text}.
     */
    public Turn message(String conversationId, String text) {
        String card = ChatCheckout.cardNumber(text);
        if (card == null) {
            return self.text(conversationId, text);
        }
        String masked = "•••• " + card.substring(card.length() - 4);
        Conversations.Stored c = conversation(conversationId);
        DialogueState state = DialogueState.fromJson(c.state());
        CheckoutDraft draft = state.checkout();
        if (draft == null || draft.step() != CheckoutDraft.Step.CARD || draft.key() == null || state.cartId() == null) {
            return self.recordMasked(conversationId, masked, null, null);
        }
        String language = state.language() == null ? c.locale() : state.language();
        Quote now = chatCheckout.quote(state.cartId(), language, draft);
        if (now == null || !ChatCheckout.total(now).equals(draft.agreedTotal())) {
            return self.recordMasked(conversationId, masked, draft.key(), null);
        }
        CheckoutOutcome outcome = checkoutService.checkout(new Buyer(state.cartId(), conversationId, c.customerId(),
                c.anonymousId(), language), ChatCheckout.request(draft, card));
        return self.recordMasked(conversationId, masked, draft.key(), outcome);
    }

    /**
     * Records a card message (see {@link #message}) as its masked text: with no checkout waiting for it, a
     * warning; with the cart changed since the summary ({@code outcome} null), the new summary; else what the
     * payment came to.
     */
    @Transactional
    public Turn recordMasked(String conversationId, String masked, String key, CheckoutOutcome outcome) {
        return act(conversationId, new Conversations.NewMessage("customer", "text", masked, null, null, null), ctx -> {
            if (outcome == null) {
                CheckoutDraft draft = ctx.state().checkout();
                boolean waiting = key != null && draft != null && key.equals(draft.key());
                return waiting ? chatCheckout.changed(ctx)
                        : List.of(BotMessage.text(ctx.replies().text("checkout.chat.card_not_now")));
            }
            List<BotMessage> out = new ArrayList<>(checkoutReplies.of(ctx, outcome));
            out.addAll(chatCheckout.after(ctx, outcome));
            return out;
        });
    }

    /** Answers a typed message. */
    @Transactional
    public Turn text(String conversationId, String text) {
        long started = System.nanoTime();
        Conversations.Stored c = store.lock(conversationId);
        DialogueState state = DialogueState.fromJson(c.state());
        int turn = c.turns() + 1;
        String before = state.language() == null ? c.locale() : state.language();
        ParseResult parse = nlu.parse(text, before);
        String language = replyLanguage(text, parse.language(), before);
        state.language(language);
        Replies replies = Replies.of(language, turn + conversationId.hashCode());
        Intent understood = Intent.parse(parse.intent().name()).orElse(Intent.OUT_OF_SCOPE);
        Cues cues = Cues.read(text);
        Shopper shopper = shopper(c);
        TurnContext ctx = new TurnContext(conversationId, turn, understood, text, parse, cues, language, replies, state,
                shopper);
        Intent intent = route(ctx);
        List<BotMessage> replyMessages;
        Optional<List<BotMessage>> checkoutAnswer = state.checkout() == null || cues.forget() || cues.recall()
                ? Optional.empty() : chatCheckout.answer(ctx);
        if (checkoutAnswer.isPresent()) {
            state.answered();
            intent = Intent.CHECKOUT;
            replyMessages = checkoutAnswer.get();
        } else if (cues.forget() || cues.recall()) {
            state.answered();
            intent = Intent.ACCOUNT;
            replyMessages = cues.forget() ? memoryHandler.forget(ctx) : memoryHandler.recall(ctx);
        } else if (intent == null) {
            replyMessages = clarify(parse, replies, state, text);
            intent = understood;
        } else {
            state.answered();
            replyMessages = answer(ctx.as(intent));
        }
        if (checkoutAnswer.isEmpty() && state.checkout() != null && intent != Intent.CHECKOUT) {
            // Something else was asked in the middle of a checkout: answered, then the question again.
            replyMessages = new ArrayList<>(replyMessages);
            replyMessages.addAll(chatCheckout.aside(ctx));
        }
        state.lastIntent(intent.wireName());
        save(shopper);
        int latency = (int) ((System.nanoTime() - started) / 1_000_000);
        List<Conversations.NewMessage> rows = new ArrayList<>();
        rows.add(new Conversations.NewMessage("customer", "text", text, null,
                new Conversations.Nlu(parse.language(), parse.intent().name(), parse.intent().confidence(),
                        parse.modelVersion(), parse.toJson(), parse.fallback()), latency));
        replyMessages.forEach(m -> rows.add(bot(m)));
        store.append(conversationId, turn, rows, state.toJson());
        return new Turn(conversationId, turn, parse, replyMessages, state.cartId());
    }

    /**
     * The intent to answer, given the conversation so far: the NLU's reading, except that a pointer at a shown
     * product ("the second one") asks about it, "one more" adds again, and a bare colour, size, price or
     * "cheaper" narrows the active search (or, right after a question about one product, asks it again for
     * that variant). Null when the NLU is unsure and the context does not settle it: ask.
     */
    static Intent route(TurnContext t) {
        Intent nlu = t.intent();
        boolean unsure = t.parse() != null && t.parse().uncertain() && nlu != Intent.OUT_OF_SCOPE;
        DialogueState state = t.state();
        Cues cues = t.cues();
        if (cues.oneMore() && state.lastAdded() != null) {
            return Intent.ADD_TO_CART;
        }
        boolean named = !t.entities(EntityType.ORDER_NUMBER).isEmpty();
        boolean contact = !t.entities(EntityType.EMAIL).isEmpty() || !t.entities(EntityType.PHONE).isEmpty();
        if (!ABOUT_ORDER.contains(nlu) && (named || state.orderQuestion() != null && contact)) {
            // An order number, or the e-mail asked for to prove one, continues the order question.
            String q = state.orderQuestion() == null ? "status" : state.orderQuestion();
            return switch (q) {
                case "cancel" -> Intent.CANCEL_ORDER;
                case "return" -> Intent.RETURN_REFUND;
                case "exchange" -> Intent.EXCHANGE;
                default -> Intent.ORDER_STATUS;
            };
        }
        boolean pointsAtShown = cues.ordinal() != 0 && !state.shown().isEmpty();
        if (pointsAtShown) {
            // "The second one" is about a product shown; taking it out of the cart needs a cart.
            boolean keep = !unsure && CONCRETE.contains(nlu)
                    && (nlu != Intent.REMOVE_FROM_CART || state.cartId() != null);
            return keep ? nlu : Intent.PRODUCT_QUESTION;
        }
        if (!unsure && CONCRETE.contains(nlu)) {
            return nlu;
        }
        if (CONCRETE.contains(nlu) && cues.deictic() && (state.selected() != null || state.shown().size() == 1)) {
            // "Is this one in stock in M?": the pointer settles a reading the model was unsure of; an unsure
            // cart command phrased as a question ("这双有9号吗") is a question about the product.
            if ((nlu == Intent.ADD_TO_CART || nlu == Intent.REMOVE_FROM_CART) && cues.question()) {
                Stated variant = Stated.of(t);
                return variant.sizes().isEmpty() && variant.colors().isEmpty() ? Intent.PRODUCT_QUESTION
                        : Intent.STOCK_CHECK;
            }
            return nlu;
        }
        Stated stated = Stated.of(t);
        boolean narrows = cues.direction() != 0 || stated.refinesOnly();
        boolean otherTopic = !unsure && OTHER_TOPICS.contains(nlu);
        if (narrows && !otherTopic) {
            Intent last = state.lastIntent() == null ? null : Intent.parse(state.lastIntent()).orElse(null);
            boolean variantOnly = cues.direction() == 0 && stated.brands().isEmpty() && stated.attributes().isEmpty()
                    && stated.priceMax() == null && stated.priceMin() == null;
            if (last != null && ABOUT_PRODUCT.contains(last) && state.selected() != null && variantOnly) {
                return last;
            }
            if (state.search() != null) {
                return Intent.PRODUCT_SEARCH;
            }
        }
        return unsure ? null : nlu;
    }

    /**
     * Answers a quick reply the assistant offered: {@code intent:<name>} picks the meaning of the last unclear
     * message, {@code policy:<topic>} asks for one policy, {@code refine:<field>=<value>} narrows the search,
     * {@code add:<sku>[:<qty>]} and {@code remove:<sku>} change the cart, {@code select:<n>:<intent>} picks a
     * shown product for a question, {@code stock:<productId>:<size>} asks about a size.
     */
    @Transactional
    public Turn quickReply(String conversationId, String payload) {
        if (payload == null || payload.isBlank() || payload.length() > 200) {
            throw new DomainException(Kind.INVALID, "bad-payload", "A quick reply needs its payload (at most 200 characters).");
        }
        return act(conversationId, Json.createObjectBuilder().add("type", "quick_reply").add("payload", payload).build()
                .toString(), ctx -> quickReply(ctx, payload));
    }

    /** A button press: add units of a variant to the cart. */
    @Transactional
    public Turn addToCart(String conversationId, String sku, int quantity) {
        requireSku(sku);
        CartService.requireQuantity(quantity, 1);
        return act(conversationId, Json.createObjectBuilder().add("type", "add_to_cart").add("sku", sku)
                .add("quantity", quantity).build().toString(), ctx -> cartHandler.add(ctx, sku, quantity));
    }

    /** A button press: take a variant (or {@code quantity} units of it) out of the cart. */
    @Transactional
    public Turn removeFromCart(String conversationId, String sku, Integer quantity) {
        requireSku(sku);
        if (quantity != null) {
            CartService.requireQuantity(quantity, 1);
        }
        var action = Json.createObjectBuilder().add("type", "remove_from_cart").add("sku", sku);
        if (quantity != null) {
            action.add("quantity", quantity);
        }
        return act(conversationId, action.build().toString(), ctx -> cartHandler.remove(ctx, sku, quantity));
    }

    /**
     * A button press: the shopper rates the conversation (1 to 5). The rating is stored as the action in the
     * transcript, where analytics count it.
     */
    @Transactional
    public Turn rate(String conversationId, int score) {
        if (score < 1 || score > 5) {
            throw new DomainException(Kind.INVALID, "bad-score", "'score' is 1 to 5.");
        }
        return act(conversationId, Json.createObjectBuilder().add("type", "rate").add("score", score).build().toString(),
                ctx -> List.of(BotMessage.text(ctx.replies().text(score >= 4 ? "rate.thanks" : "rate.sorry"))));
    }

    /**
     * The widget's checkout form (CONTRACT.md's {@code checkout} action). Not transactional: the order is
     * reserved, charged and settled by {@link CheckoutService} in transactions of its own (the
     * payment provider is never called under database locks), then the turn is recorded. The transcript keeps
     * the form without the card number (only its last four digits).
     */
    public Turn checkout(String conversationId, CheckoutRequest request) {
        Conversations.Stored c = conversation(conversationId);
        DialogueState state = DialogueState.fromJson(c.state());
        String language = state.language() == null ? c.locale() : state.language();
        String cartId = state.cartId() != null && carts.isOpen(state.cartId()) ? state.cartId()
                : carts.openCartOf(c.anonymousId(), c.customerId()).orElse(null);
        CheckoutOutcome outcome = checkoutService.checkout(new Buyer(cartId,
                conversationId, c.customerId(), c.anonymousId(), language), request);
        var form = Json.createObjectBuilder().add("type", "checkout").add("idempotencyKey", request.idempotencyKey());
        if (request.email() != null) {
            form.add("email", request.email());
        }
        var payment = Json.createObjectBuilder().add("provider", request.provider() == null ? "" : request.provider());
        String last4 = ChargeRequest.last4(request.cardDigits());
        if (last4 != null) {
            payment.add("cardLast4", last4);
        }
        form.add("shippingMethod", request.method()).add("payment", payment);
        return self.recordCheckout(conversationId, form.build().toString(), outcome);
    }

    /**
     * The shopper signed in on the shop (the {@code sign_in} action with a {@code customerToken}): the
     * conversation becomes the customer's, their anonymous cart joins the customer's (see
     * {@link CartService#signIn}), and what was learnt about them anonymously is kept when the customer has no
     * memory yet. A bad token is 401 and changes nothing; a conversation already signed in as someone else is
     * 409. The transcript records the customer id, never the token.
     */
    @Transactional
    public Turn signIn(String conversationId, String customerToken) {
        if (customerToken == null || customerToken.isBlank()) {
            throw new DomainException(Kind.INVALID, "customer-token-required", "'sign_in' needs a 'customerToken'.");
        }
        CustomerIdentity who = tokens.identify(customerToken).orElseThrow();
        Conversations.Stored c = store.lock(conversationId);
        if (c.customerId() != null && !c.customerId().equals(who.customerId())) {
            throw new DomainException(Kind.CONFLICT, "signed-in-as-another",
                    "This conversation belongs to another customer; start a new one.");
        }
        if (c.customerId() == null) {
            store.identify(conversationId, who.customerId());
        }
        Optional<String> cart = adoptGuest(c.anonymousId(), who.customerId());
        String action = Json.createObjectBuilder().add("type", "sign_in").add("customerId", who.customerId()).build()
                .toString();
        return act(conversationId, action, ctx -> {
            ctx.state().cartId(cart.orElse(null));
            ctx.state().customerEmail(who.email());
            List<BotMessage> out = new ArrayList<>();
            String name = who.name() == null || who.name().isBlank() ? who.email() : who.name().strip();
            out.add(BotMessage.text(ctx.replies().text("signin.welcome", name)));
            if (cart.isPresent() && !carts.quantities(cart.get()).isEmpty()) {
                out.addAll(cartHandler.view(ctx));
            }
            return out;
        });
    }

    /**
     * Opens a cart deep link in this conversation (the {@code restore_cart} action with the link's
     * {@code token}): the shopper's own cart comes back, anyone else's is copied into theirs (see
     * {@link CartService#restore}). A token this shop did not sign is 400 and changes nothing.
     */
    @Transactional
    public Turn restoreCart(String conversationId, String token) {
        CartLinks.Opened link = cartLinks.open(token);
        Conversations.Stored c = store.lock(conversationId);
        CartService.Restored restored = carts.restore(link, c.anonymousId(), c.customerId());
        String action = Json.createObjectBuilder().add("type", "restore_cart").add("cartId", link.cartId()).build()
                .toString();
        return act(conversationId, action, ctx -> switch (restored.restore()) {
            case EXPIRED -> List.of(BotMessage.text(ctx.replies().text("cart.link_expired")));
            case ORDERED -> List.of(BotMessage.text(ctx.replies().text("cart.link_ordered")));
            case ATTACHED, COPIED -> {
                ctx.state().cartId(restored.cartId());
                List<BotMessage> out = new ArrayList<>();
                out.add(BotMessage.text(ctx.replies().text("cart.link_restored")));
                out.addAll(cartHandler.view(ctx));
                yield out;
            }
        });
    }

    /**
     * What an anonymous shopper leaves a customer who signs in: their cart (merged) and, when the customer has
     * no memory yet, what was learnt about them. Returns the customer's open cart, if any.
     */
    private Optional<String> adoptGuest(String anonymousId, String customerId) {
        if (anonymousId != null) {
            String anonymousKey = ShopperMemory.key(anonymousId, null).orElseThrow();
            String customerKey = ShopperMemory.key(null, customerId).orElseThrow();
            Preferences learnt = memory.recall(anonymousKey);
            if (!learnt.isEmpty() && memory.recall(customerKey).isEmpty()) {
                memory.remember(customerKey, learnt);
            }
        }
        return carts.signIn(anonymousId, customerId);
    }

    /** Records a checkout turn (see {@link #checkout}). */
    @Transactional
    public Turn recordCheckout(String conversationId, String formJson, CheckoutOutcome outcome) {
        return act(conversationId, formJson, ctx -> checkoutReplies.of(ctx, outcome));
    }

    private Turn act(String conversationId, String actionJson, java.util.function.Function<TurnContext, List<BotMessage>> handler) {
        return act(conversationId, new Conversations.NewMessage("customer", "action", null, actionJson, null, null), handler);
    }

    private Turn act(String conversationId, Conversations.NewMessage customer,
            java.util.function.Function<TurnContext, List<BotMessage>> handler) {
        long started = System.nanoTime();
        Conversations.Stored c = store.lock(conversationId);
        DialogueState state = DialogueState.fromJson(c.state());
        int turn = c.turns() + 1;
        String language = state.language() == null ? c.locale() : state.language();
        Replies replies = Replies.of(language, turn + conversationId.hashCode());
        Shopper shopper = shopper(c);
        TurnContext ctx = new TurnContext(conversationId, turn, Intent.OUT_OF_SCOPE, null, null, Cues.read(null), language,
                replies, state, shopper);
        List<BotMessage> replyMessages = handler.apply(ctx);
        save(shopper);
        int latency = (int) ((System.nanoTime() - started) / 1_000_000);
        List<Conversations.NewMessage> rows = new ArrayList<>();
        rows.add(new Conversations.NewMessage(customer.role(), customer.kind(), customer.text(), customer.payload(), null,
                latency));
        replyMessages.forEach(m -> rows.add(bot(m)));
        store.append(conversationId, turn, rows, state.toJson());
        return new Turn(conversationId, turn, null, replyMessages, state.cartId());
    }

    private List<BotMessage> quickReply(TurnContext ctx, String payload) {
        DialogueState state = ctx.state();
        String[] parts = payload.split(":", 3);
        switch (parts[0]) {
            case "intent" -> {
                Intent intent = Intent.parse(payload.substring("intent:".length())).orElseThrow(() -> badPayload(payload));
                String about = state.pendingText();
                state.answered();
                state.lastIntent(intent.wireName());
                return answer(new TurnContext(ctx.conversationId(), ctx.turn(), intent, about, null, Cues.read(about),
                        ctx.language(), ctx.replies(), state, ctx.shopper()));
            }
            case "rma" -> {
                // rma:<return|exchange>:<order>:<sku>[:<new sku>], offered when sending an order's line back
                String[] p = payload.split(":");
                if (p.length < 4 || p.length > 5 || !p[1].matches("return|exchange") || !p[2].matches("PRL-[0-9]{4,12}")
                        || p.length == 5 && !p[1].equals("exchange")) {
                    throw badPayload(payload);
                }
                Intent kind = p[1].equals("return") ? Intent.RETURN_REFUND : Intent.EXCHANGE;
                state.lastIntent(kind.wireName());
                return orderHandler.sendBackReply(ctx.as(kind), p[1], p[2], p[3], p.length == 5 ? p[4] : null);
            }
            case "checkout" -> {
                // checkout:<step answer>, offered by checkout by conversation
                state.lastIntent(Intent.CHECKOUT.wireName());
                return chatCheckout.quickReply(ctx.as(Intent.CHECKOUT), payload);
            }
            case "order" -> {
                // order:<status|cancel>:<number>, offered to a signed-in shopper choosing among their orders
                if (parts.length != 3 || !parts[1].matches("status|cancel") || !parts[2].matches("PRL-[0-9]{4,12}")) {
                    throw badPayload(payload);
                }
                state.orderNumber(parts[2]);
                return answer(ctx.as(parts[1].equals("cancel") ? Intent.CANCEL_ORDER : Intent.ORDER_STATUS));
            }
            case "policy" -> {
                String topic = payload.substring("policy:".length());
                if (!policy.knows(topic)) {
                    throw badPayload(payload);
                }
                return policy.answer(ctx.as(Intent.STORE_POLICY), topic);
            }
            case "refine" -> {
                String[] kv = payload.substring("refine:".length()).split("=", 2);
                if (kv.length != 2 || !REFINE.matcher(payload).matches()) {
                    throw badPayload(payload);
                }
                state.lastIntent(Intent.PRODUCT_SEARCH.wireName());
                return searchHandler.refine(ctx.as(Intent.PRODUCT_SEARCH), kv[0], kv[1]);
            }
            case "add" -> {
                int quantity = parts.length == 3 ? number(parts[2], payload) : 1;
                if (quantity < 1 || quantity > dev.parley.rules.PricingRequest.MAX_QUANTITY) {
                    throw badPayload(payload);
                }
                state.lastIntent(Intent.ADD_TO_CART.wireName());
                return cartHandler.add(ctx.as(Intent.ADD_TO_CART), parts[1], quantity);
            }
            case "remove" -> {
                state.lastIntent(Intent.REMOVE_FROM_CART.wireName());
                return cartHandler.remove(ctx.as(Intent.REMOVE_FROM_CART), payload.substring("remove:".length()), null);
            }
            case "select" -> {
                if (parts.length != 3) {
                    throw badPayload(payload);
                }
                int n = number(parts[1], payload);
                Intent intent = Intent.parse(parts[2]).orElseThrow(() -> badPayload(payload));
                List<DialogueState.Shown> shown = state.shown();
                if (n < 1 || n > shown.size()) {
                    throw badPayload(payload);
                }
                state.select(shown.get(n - 1));
                state.lastIntent(intent.wireName());
                return answer(ctx.as(intent));
            }
            case "stock" -> {
                if (parts.length != 3) {
                    throw badPayload(payload);
                }
                long productId = number(parts[1], payload);
                state.select(new DialogueState.Shown(productId, null));
                state.lastIntent(Intent.STOCK_CHECK.wireName());
                String size = parts[2];
                ParseResult synthetic = new ParseResult(new ParseResult.Scored("stock_check", 1.0), List.of(),
                        List.of(new dev.parley.nlu.entities.Entity(dev.parley.nlu.EntityType.SIZE, size, size, 0,
                                size.length())), ctx.language(), 0, false, 0);
                return answer(new TurnContext(ctx.conversationId(), ctx.turn(), Intent.STOCK_CHECK, size, synthetic,
                        Cues.read(null), ctx.language(), ctx.replies(), state, ctx.shopper()));
            }
            default -> throw badPayload(payload);
        }
    }

    private static final java.util.regex.Pattern REFINE = java.util.regex.Pattern.compile(
            "refine:(type=[\\p{L}0-9 &'._-]{1,60}|price_(max|min)=[0-9]{1,9}(\\.[0-9]{1,2})?|size=[\\p{L}0-9.]{1,16}|drop=(size|budget))");

    private static int number(String text, String payload) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw badPayload(payload);
        }
    }

    private static DomainException badPayload(String payload) {
        return new DomainException(Kind.INVALID, "bad-payload", "This quick reply is not one the assistant offered: " + payload);
    }

    private static void requireSku(String sku) {
        if (sku == null || sku.isBlank() || sku.length() > 128) {
            throw new DomainException(Kind.INVALID, "bad-sku", "'sku' is 1 to 128 characters.");
        }
    }

    /** The shopper of a conversation, with what is remembered about them. */
    private Shopper shopper(Conversations.Stored c) {
        String key = ShopperMemory.key(c.anonymousId(), c.customerId()).orElse(null);
        return new Shopper(c.anonymousId(), c.customerId(), key, key == null ? Preferences.none() : memory.recall(key));
    }

    private void save(Shopper shopper) {
        if (shopper.memoryKey() == null) {
            return;
        }
        if (shopper.forgotten()) {
            memory.forget(shopper.memoryKey());
        } else if (shopper.changed()) {
            memory.remember(shopper.memoryKey(), shopper.preferences());
        }
    }

    /**
     * A staff member's message into a conversation (role {@code agent}); the shopper's open widget receives it
     * through the push channel. At most 2,000 characters, stored as typed.
     */
    @Transactional
    public void agentMessage(String conversationId, String staff, String text) {
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw new DomainException(Kind.INVALID, "bad-text", "'text' is 1 to 2,000 characters.");
        }
        Conversations.Stored c = store.lock(conversationId);
        String payload = Json.createObjectBuilder().add("type", "text").add("text", text).add("agent", staff).build()
                .toString();
        DialogueState state = DialogueState.fromJson(c.state());
        store.append(conversationId, c.turns(), List.of(new Conversations.NewMessage("agent", "text", text, payload,
                null, null)), state.toJson());
    }

    /**
     * Tells an open conversation something the shopper did not ask for in this request (an order of theirs
     * shipped): the assistant's messages, in the conversation's language, delivered on the push channel. Runs in
     * the caller's transaction, so the notice is written if and only if the change it reports is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notice(String conversationId, java.util.function.Function<Replies, List<BotMessage>> messages) {
        Conversations.Stored c = store.lock(conversationId);
        DialogueState state = DialogueState.fromJson(c.state());
        String language = state.language() == null ? c.locale() : state.language();
        List<Conversations.NewMessage> rows = new ArrayList<>();
        messages.apply(Replies.of(language, c.turns() + conversationId.hashCode())).forEach(m -> rows.add(bot(m)));
        store.append(conversationId, c.turns(), rows, state.toJson(), true);
    }

    /** The transcript. */
    public List<Conversations.Message> transcript(String conversationId) {
        store.find(conversationId).orElseThrow(() -> Conversations.notFound(conversationId));
        return store.messages(conversationId);
    }

    /** The stored conversation. */
    public Conversations.Stored conversation(String conversationId) {
        return store.find(conversationId).orElseThrow(() -> Conversations.notFound(conversationId));
    }

    private List<BotMessage> answer(TurnContext ctx) {
        IntentHandler h = byIntent.getOrDefault(ctx.intent(), fallback);
        return h.handle(ctx);
    }

    private List<BotMessage> clarify(ParseResult parse, Replies replies, DialogueState state, String text) {
        List<String> top = parse.ranking().stream().map(ParseResult.Scored::name)
                .filter(n -> !n.equals("out_of_scope")).limit(2).toList();
        state.ask(text, top);
        List<BotMessage.QuickReply> options = new ArrayList<>();
        for (String name : top) {
            options.add(new BotMessage.QuickReply(capitalise(replies.text("intent." + name)), "intent:" + name));
        }
        options.add(new BotMessage.QuickReply(replies.text("clarify.other"), "intent:out_of_scope"));
        return List.of(BotMessage.text(replies.text("clarify")), BotMessage.quickReplies(options));
    }

    /**
     * The language to answer in: the message's own, except that a short message with no Chinese characters in a
     * Chinese conversation ("ok", "M", "2", a SKU) keeps the conversation's language.
     */
    static String replyLanguage(String text, String detected, String conversation) {
        if (conversation != null && conversation.startsWith("zh") && "en".equals(detected)
                && text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                && text.strip().split("\\s+").length <= 2) {
            return conversation;
        }
        return detected;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Conversations.NewMessage bot(BotMessage m) {
        return new Conversations.NewMessage("bot", m.type(), m.text(), m.toJson().toString(), null, null);
    }
}

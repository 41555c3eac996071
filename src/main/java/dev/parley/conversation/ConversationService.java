package dev.parley.conversation;

import dev.parley.conversation.handlers.FallbackHandler;
import dev.parley.conversation.handlers.PolicyHandler;
import dev.parley.customer.CustomerIdentity;
import dev.parley.customer.CustomerTokens;
import dev.parley.nlu.Intent;
import dev.parley.nlu.runtime.NluService;
import dev.parley.nlu.runtime.ParseResult;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    private final Map<Intent, IntentHandler> byIntent = new EnumMap<>(Intent.class);

    /** A started conversation and its opening messages. */
    public record Started(String conversationId, List<BotMessage> messages) {
    }

    /** An answered turn. */
    public record Turn(String conversationId, int turn, ParseResult nlu, List<BotMessage> messages) {
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
        String customerId = null;
        if (customerToken != null) {
            CustomerIdentity who = tokens.identify(customerToken).orElseThrow(() -> new DomainException(
                    Kind.UNAUTHENTICATED, "bad-customer-token", "The customer token is not valid."));
            customerId = who.customerId();
        }
        DialogueState state = DialogueState.start(language);
        String id = store.create(ch, language, anonymousId, customerId, state.toJson());
        BotMessage welcome = BotMessage.text(Replies.of(language, 0).text("welcome"));
        store.append(id, 0, List.of(bot(welcome)), state.toJson());
        return new Started(id, List.of(welcome));
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
        Intent intent = Intent.parse(parse.intent().name()).orElse(Intent.OUT_OF_SCOPE);
        List<BotMessage> replyMessages;
        if (parse.uncertain() && intent != Intent.OUT_OF_SCOPE) {
            replyMessages = clarify(parse, replies, state, text);
        } else {
            state.answered();
            replyMessages = answer(new TurnContext(conversationId, turn, intent, text, parse, language, replies, state));
        }
        state.lastIntent(intent.wireName());
        int latency = (int) ((System.nanoTime() - started) / 1_000_000);
        List<Conversations.NewMessage> rows = new ArrayList<>();
        rows.add(new Conversations.NewMessage("customer", "text", text, null,
                new Conversations.Nlu(parse.language(), parse.intent().name(), parse.intent().confidence(),
                        parse.modelVersion(), parse.toJson(), parse.fallback()), latency));
        replyMessages.forEach(m -> rows.add(bot(m)));
        store.append(conversationId, turn, rows, state.toJson());
        return new Turn(conversationId, turn, parse, replyMessages);
    }

    /**
     * Answers a quick reply: {@code intent:<name>} picks the meaning of the last unclear message,
     * {@code policy:<topic>} asks for one policy.
     */
    @Transactional
    public Turn quickReply(String conversationId, String payload) {
        long started = System.nanoTime();
        if (payload == null || payload.isBlank() || payload.length() > 200) {
            throw new DomainException(Kind.INVALID, "bad-payload", "A quick reply needs its payload (at most 200 characters).");
        }
        Conversations.Stored c = store.lock(conversationId);
        DialogueState state = DialogueState.fromJson(c.state());
        int turn = c.turns() + 1;
        String language = state.language() == null ? c.locale() : state.language();
        Replies replies = Replies.of(language, turn + conversationId.hashCode());
        List<BotMessage> replyMessages;
        if (payload.startsWith("intent:")) {
            Intent intent = Intent.parse(payload.substring("intent:".length())).orElseThrow(() -> new DomainException(
                    Kind.INVALID, "bad-payload", "Unknown intent in quick reply: " + payload));
            String about = state.pendingText();
            state.answered();
            state.lastIntent(intent.wireName());
            replyMessages = answer(new TurnContext(conversationId, turn, intent, about, null, language, replies, state));
        } else if (payload.startsWith("policy:") && policy.knows(payload.substring("policy:".length()))) {
            TurnContext ctx = new TurnContext(conversationId, turn, Intent.STORE_POLICY, null, null, language, replies, state);
            replyMessages = policy.answer(ctx, payload.substring("policy:".length()));
        } else {
            throw new DomainException(Kind.INVALID, "bad-payload", "This quick reply is not one the assistant offered: " + payload);
        }
        int latency = (int) ((System.nanoTime() - started) / 1_000_000);
        List<Conversations.NewMessage> rows = new ArrayList<>();
        rows.add(new Conversations.NewMessage("customer", "action", null,
                Json.createObjectBuilder().add("type", "quick_reply").add("payload", payload).build().toString(), null,
                latency));
        replyMessages.forEach(m -> rows.add(bot(m)));
        store.append(conversationId, turn, rows, state.toJson());
        return new Turn(conversationId, turn, null, replyMessages);
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

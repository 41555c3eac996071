package dev.parley.conversation.handlers;

import dev.parley.conversation.BotMessage;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import dev.parley.rules.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Store policies, word for word from the published policy rules: returns, exchanges and cancellation for those
 * intents (without an order; deciding for one order comes with orders), and for a general policy question the
 * topic its words name ({@code policy-topics.properties}), or the list of topics to choose from.
 */
@ApplicationScoped
public class PolicyHandler implements IntentHandler {

    @Inject
    Pricing pricing;

    private final Map<String, List<String>> topicWords = readTopicWords();

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.STORE_POLICY);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        String topic = switch (turn.intent()) {
            case RETURN_REFUND -> "returns";
            case EXCHANGE -> "exchanges";
            case CANCEL_ORDER -> "cancellation";
            default -> topicOf(turn.text());
        };
        if (topic == null) {
            List<BotMessage.QuickReply> choices = new ArrayList<>();
            for (String t : topicWords.keySet()) {
                choices.add(new BotMessage.QuickReply(turn.replies().text("policy.topic." + t), "policy:" + t));
            }
            return List.of(BotMessage.text(turn.replies().text("policy.which")), BotMessage.quickReplies(choices));
        }
        return answer(turn, topic);
    }

    /** The clauses of one topic as a text message (the reply to a topic quick reply too). */
    public List<BotMessage> answer(TurnContext turn, String topic) {
        List<Pricing.Statement> statements = pricing.policy(topic, turn.language());
        if (statements.isEmpty()) {
            return List.of(BotMessage.text(turn.replies().text("policy.none")));
        }
        StringBuilder text = new StringBuilder();
        for (Pricing.Statement s : statements) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(s.text());
        }
        return List.of(BotMessage.text(text.toString()));
    }

    /** Whether a topic exists in the topic list. */
    public boolean knows(String topic) {
        return topicWords.containsKey(topic);
    }

    String topicOf(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> e : topicWords.entrySet()) {
            for (String word : e.getValue()) {
                if (lower.contains(word)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private static Map<String, List<String>> readTopicWords() {
        Properties p = new Properties();
        try (InputStream in = PolicyHandler.class.getResourceAsStream("/dev/parley/conversation/policy-topics.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String topic : List.of("warranty", "payment", "privacy", "store-hours", "returns", "exchanges", "cancellation")) {
            String words = p.getProperty(topic, "");
            out.put(topic, java.util.Arrays.stream(words.split(",")).map(w -> w.strip().toLowerCase(Locale.ROOT))
                    .filter(w -> !w.isEmpty()).toList());
        }
        return out;
    }
}

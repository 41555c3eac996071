package dev.parley.conversation.handlers;

import dev.parley.cart.CartService;
import dev.parley.conversation.BotMessage;
import dev.parley.conversation.IntentHandler;
import dev.parley.conversation.TurnContext;
import dev.parley.nlu.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * "I want to check out" typed in the chat: the cart, then checkout by conversation ({@link ChatCheckout}); the
 * widget's checkout form (the {@code checkout} action) stays available beside it.
 */
@ApplicationScoped
public class CheckoutHandler implements IntentHandler {

    @Inject
    CartService carts;

    @Inject
    ChatCheckout chat;

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.CHECKOUT);
    }

    @Override
    public List<BotMessage> handle(TurnContext turn) {
        String cartId = turn.state().cartId();
        if (cartId == null || !carts.isOpen(cartId) || carts.quantities(cartId).isEmpty()) {
            turn.state().checkout(null);
            return List.of(BotMessage.text(turn.replies().text("checkout.empty")));
        }
        return chat.begin(turn);
    }
}

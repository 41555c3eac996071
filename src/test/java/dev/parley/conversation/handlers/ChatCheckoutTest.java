package dev.parley.conversation.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.conversation.CheckoutDraft;
import dev.parley.conversation.DialogueState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatCheckoutTest {

    @Test
    void aMessageIsACardNumberOnlyWhenItIsNothingButOne() {
        assertEquals("4242424242424242", ChatCheckout.cardNumber("4242 4242 4242 4242"));
        assertEquals("4000000000000002", ChatCheckout.cardNumber(" 4000-0000-0000-0002 "));
        assertNull(ChatCheckout.cardNumber("4242 4242 4242 4241"), "fails the Luhn check");
        assertNull(ChatCheckout.cardNumber("my card is 4242 4242 4242 4242"), "not only a number");
        assertNull(ChatCheckout.cardNumber("0912345678"), "a phone number is too short");
        assertNull(ChatCheckout.cardNumber("PRL-1234567890"));
        assertNull(ChatCheckout.cardNumber(null));
    }

    @Test
    void countriesByCodeOrByNameInEnglishOrChinese() {
        assertEquals(Optional.of("TW"), ChatCheckout.country("tw"));
        assertEquals(Optional.of("TW"), ChatCheckout.country("Taiwan"));
        assertEquals(Optional.of("TW"), ChatCheckout.country("台灣"));
        assertEquals(Optional.of("TW"), ChatCheckout.country("臺灣"));
        assertEquals(Optional.of("TW"), ChatCheckout.country("台湾"));
        assertEquals(Optional.of("JP"), ChatCheckout.country("日本。"));
        assertEquals(Optional.of("HK"), ChatCheckout.country("Hong Kong"));
        assertEquals(Optional.of("HK"), ChatCheckout.country("香港"));
        assertEquals(Optional.of("MO"), ChatCheckout.country("澳门"));
        assertEquals(Optional.empty(), ChatCheckout.country("Atlantis"));
        assertEquals(Optional.empty(), ChatCheckout.country("XX"), "not an ISO country");
    }

    @Test
    void theDraftSurvivesTheStoredStateButNoCardIsEverInIt() {
        DialogueState state = DialogueState.start("zh-TW");
        CheckoutDraft draft = CheckoutDraft.at(CheckoutDraft.Step.CARD);
        draft.email("mei@example.com");
        draft.country("TW");
        draft.method("express");
        draft.agree("1960.00 TWD", "chat:c:k1");
        draft.aside();
        state.checkout(draft);

        DialogueState back = DialogueState.fromJson(state.toJson());
        assertEquals(CheckoutDraft.Step.CARD, back.checkout().step());
        assertEquals("1960.00 TWD", back.checkout().agreedTotal());
        assertEquals("chat:c:k1", back.checkout().key());
        assertEquals("mei@example.com", back.checkout().email());
        assertEquals(2, back.checkout().aside(), "the turns about something else are counted across turns");
        back.checkout().step(CheckoutDraft.Step.CONFIRM);
        assertEquals(1, back.checkout().aside(), "an answer starts the count again");
        back.checkout(null);
        assertNull(DialogueState.fromJson(back.toJson()).checkout());
    }
}

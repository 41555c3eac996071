package dev.parley.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CartLinksTest {

    static final String CART = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    final CartLinks links = new CartLinks("store-secret-0123456789", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkNamesItsCartUntilItExpires() {
        CartLinks.Link link = links.issue(CART);
        assertEquals("/cart/" + link.token(), link.path());
        assertEquals(NOW.plus(CartLinks.TTL), link.expiresAt());
        assertEquals(new CartLinks.Opened(CART, false), links.open(link.token()));

        CartLinks later = new CartLinks("store-secret-0123456789",
                Clock.fixed(NOW.plus(CartLinks.TTL).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        CartLinks.Opened opened = later.open(link.token());
        assertEquals(CART, opened.cartId());
        assertTrue(opened.expired());
        assertFalse(links.open(link.token()).expired());
    }

    @Test
    void anyChangeToTheTokenOrAnotherStoresSecretIsRefused() {
        String token = links.issue(CART).token();
        String[] parts = token.split("\\.");
        String otherCart = "1" + parts[0].substring(1) + "." + parts[1] + "." + parts[2];
        String longer = parts[0] + "." + Long.toString(Long.parseLong(parts[1], 36) + 86_400, 36) + "." + parts[2];
        for (String bad : new String[] {otherCart, longer, token + "x", "", "cart", null}) {
            DomainException e = assertThrows(DomainException.class, () -> links.open(bad), String.valueOf(bad));
            assertEquals("bad-cart-link", e.code());
        }
        CartLinks otherStore = new CartLinks("another-secret-0123456789", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(DomainException.class, () -> otherStore.open(token));
    }

    @Test
    void onlyCartIdsGetLinks() {
        assertThrows(DomainException.class, () -> links.issue("../admin"));
        assertThrows(DomainException.class, () -> links.issue(null));
    }
}

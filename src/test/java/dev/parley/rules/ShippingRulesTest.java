package dev.parley.rules;

import static dev.parley.rules.DemoRules.amount;
import static dev.parley.rules.DemoRules.cart;
import static dev.parley.rules.DemoRules.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** rules/shipping: regions by address, fees and delivery days by method, free-shipping thresholds. */
class ShippingRulesTest {

    @Test
    void homeDeliveryOnTheMainIslandBelowTheThreshold() {
        Quote q = cart().with(line("TEE-1", "t-shirt", "x", "600", 1)).shipTo("TW", "106", "standard").quote();
        assertEquals("TW-MAIN", q.shipping().region());
        assertEquals(amount("100"), q.shipping().fee());
        assertEquals(1, q.shipping().etaMinDays());
        assertEquals(3, q.shipping().etaMaxDays());
        assertEquals("Home delivery", q.shipping().name());
        assertNull(q.shipping().freeBecause());
        assertEquals(amount("700"), q.total());
        assertTrue(q.firedRules().contains("Other Taiwan addresses are the main island"));
    }

    @Test
    void freeShippingCountsTheSubtotalAfterDiscounts() {
        Quote free = cart().with(line("TEE-1", "t-shirt", "x", "800", 2)).quote();
        assertEquals(amount("0"), free.shipping().fee(), "NT$1,600 reaches the NT$1,500 threshold");
        assertEquals(amount("100"), free.shipping().listFee());
        assertEquals("Free shipping on orders of NT$1,500 or more", free.shipping().freeBecause());
        Quote discounted = cart().with(line("COAT-1", "coat", "x", "1700", 1)).quote();
        // 15% off leaves NT$1,445: under the threshold, so the fee is charged.
        assertEquals(amount("100"), discounted.shipping().fee());
        assertEquals(amount("1545"), discounted.total());
    }

    @Test
    void otherMethodsHaveTheirOwnFeesAndExpressIsNeverFree() {
        Quote store = cart().with(line("TEE-1", "t-shirt", "x", "600", 1)).shipTo("TW", "300", "convenience_store").quote();
        assertEquals(amount("60"), store.shipping().fee());
        Quote express = cart().with(line("TEE-1", "t-shirt", "x", "900", 2)).shipTo("TW", "300", "express").quote();
        assertEquals(amount("180"), express.shipping().fee());
        assertEquals(1, express.shipping().etaMaxDays());
    }

    @Test
    void outlyingIslandsAreTheirOwnRegion() {
        Quote penghu = cart().with(line("TEE-1", "t-shirt", "x", "900", 2)).shipTo("TW", "880", "standard").quote();
        assertEquals("TW-ISLANDS", penghu.shipping().region());
        assertEquals(amount("250"), penghu.shipping().fee(), "NT$1,800 is below the islands' NT$3,000 threshold");
        assertEquals(6, penghu.shipping().etaMaxDays());
        Quote kinmen = cart().with(line("TEE-1", "t-shirt", "x", "1200", 3)).shipTo("TW", "893", null).quote();
        assertEquals(amount("0"), kinmen.shipping().fee());
        assertTrue(kinmen.firedRules().contains("Penghu, Kinmen and Matsu postcodes are the outlying islands"));
    }

    @Test
    void abroadShipsByRegion() {
        Quote hk = cart().with(line("TEE-1", "t-shirt", "x", "900", 3)).shipTo("HK", null, "standard").quote();
        assertEquals("HK-MO", hk.shipping().region());
        assertEquals(amount("450"), hk.shipping().fee(), "no free shipping abroad");
        Quote japan = cart().with(line("TEE-1", "t-shirt", "x", "900", 1)).shipTo("JP", "100-0001", "standard").quote();
        assertEquals("INTL", japan.shipping().region());
        assertEquals(amount("900"), japan.shipping().fee());
        assertEquals(14, japan.shipping().etaMaxDays());
    }

    @Test
    void aMethodTheRegionDoesNotOfferHasNoQuote() {
        Quote q = cart().with(line("TEE-1", "t-shirt", "x", "900", 1)).shipTo("JP", null, "express").quote();
        assertNull(q.shipping());
        assertEquals(amount("900"), q.total(), "no shipping is added when none can be quoted");
        assertNotNull(q.lines());
    }
}

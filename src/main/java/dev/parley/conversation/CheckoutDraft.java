package dev.parley.conversation;

import dev.parley.order.CheckoutRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A checkout by conversation in progress, kept in the {@link DialogueState} (so any node continues it): the
 * question the assistant is waiting on, the answers so far, and, once the shopper has seen the summary, the
 * total they agreed to and the idempotency key of the payment. The card number is never kept.
 */
public final class CheckoutDraft {

    /** The question the assistant asked last. */
    public enum Step {
        /** Pick a saved address or a new one. */
        SAVED_ADDRESS,
        EMAIL,
        NAME,
        LINE1,
        CITY,
        POSTAL_CODE,
        COUNTRY,
        PHONE,
        METHOD,
        PAYMENT,
        /** The summary is shown: place the order? */
        CONFIRM,
        /** Waiting for the card number. */
        CARD
    }

    private Step step;
    private String email;
    private String name;
    private String line1;
    private String line2;
    private String city;
    private String postalCode;
    private String country;
    private String phone;
    private String method;
    private String provider;
    private String agreedTotal;
    private String key;
    private int asides;

    /** A draft waiting on its first question. */
    public static CheckoutDraft at(Step step) {
        CheckoutDraft d = new CheckoutDraft();
        d.step = step;
        return d;
    }

    static CheckoutDraft fromJson(JsonObject o) {
        CheckoutDraft d = new CheckoutDraft();
        try {
            d.step = Step.valueOf(o.getString("step", "EMAIL"));
        } catch (IllegalArgumentException e) {
            d.step = Step.EMAIL;
        }
        d.email = o.getString("email", null);
        d.name = o.getString("name", null);
        d.line1 = o.getString("line1", null);
        d.line2 = o.getString("line2", null);
        d.city = o.getString("city", null);
        d.postalCode = o.getString("postalCode", null);
        d.country = o.getString("country", null);
        d.phone = o.getString("phone", null);
        d.method = o.getString("method", null);
        d.provider = o.getString("provider", null);
        d.agreedTotal = o.getString("agreedTotal", null);
        d.key = o.getString("key", null);
        d.asides = o.getInt("asides", 0);
        return d;
    }

    JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("step", step.name());
        put(b, "email", email);
        put(b, "name", name);
        put(b, "line1", line1);
        put(b, "line2", line2);
        put(b, "city", city);
        put(b, "postalCode", postalCode);
        put(b, "country", country);
        put(b, "phone", phone);
        put(b, "method", method);
        put(b, "provider", provider);
        put(b, "agreedTotal", agreedTotal);
        put(b, "key", key);
        if (asides > 0) {
            b.add("asides", asides);
        }
        return b.build();
    }

    private static void put(JsonObjectBuilder b, String k, String v) {
        if (v != null) {
            b.add(k, v);
        }
    }

    /** The address as the checkout form takes it. */
    public CheckoutRequest.Address address() {
        return new CheckoutRequest.Address(name, line1, line2, city, postalCode, country, phone);
    }

    /** Takes a whole address (a saved one). */
    public void address(CheckoutRequest.Address a) {
        name = a.name();
        line1 = a.line1();
        line2 = a.line2();
        city = a.city();
        postalCode = a.postalCode();
        country = a.country();
        phone = a.phone();
    }

    /** Forgets the agreed total and key: what is being bought or how changed, so the summary must be seen again. */
    public void unconfirm() {
        agreedTotal = null;
        key = null;
    }

    public Step step() {
        return step;
    }

    /** Moves to a question (the shopper answered: the count of turns about something else starts again). */
    public void step(Step step) {
        this.step = step;
        this.asides = 0;
    }

    /** Counts a turn about something else in the middle of the checkout and returns how many in a row. */
    public int aside() {
        return ++asides;
    }

    public String email() {
        return email;
    }

    public void email(String email) {
        this.email = email;
    }

    public void name(String name) {
        this.name = name;
    }

    public void line1(String line1) {
        this.line1 = line1;
    }

    public void city(String city) {
        this.city = city;
    }

    public void postalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String country() {
        return country;
    }

    public void country(String country) {
        this.country = country;
    }

    public String postalCode() {
        return postalCode;
    }

    public void phone(String phone) {
        this.phone = phone;
    }

    public String method() {
        return method;
    }

    public void method(String method) {
        this.method = method;
    }

    public String provider() {
        return provider;
    }

    public void provider(String provider) {
        this.provider = provider;
    }

    /** The total (amount and currency) the shopper agreed to on the summary, or null before. */
    public String agreedTotal() {
        return agreedTotal;
    }

    /** Records the agreed total and the payment's idempotency key. */
    public void agree(String total, String idempotencyKey) {
        this.agreedTotal = total;
        this.key = idempotencyKey;
    }

    /** The payment's idempotency key, or null before the summary was agreed. */
    public String key() {
        return key;
    }

    /** A fresh key for the next payment try (after a decline the provider's answer to the old key is final). */
    public void key(String idempotencyKey) {
        this.key = idempotencyKey;
    }
}

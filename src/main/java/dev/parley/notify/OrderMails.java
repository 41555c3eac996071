package dev.parley.notify;

import dev.parley.order.Orders;
import dev.parley.platform.MoneyFormat;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The wording of order mails, from the localised bundles ({@code dev/parley/notify/notifications*.properties}: en,
 * zh-TW, zh-CN) in the order's language. Every amount is one the order recorded, formatted with {@link MoneyFormat}
 * in the order's currency; nothing is recomputed. Pure: no container, no database.
 */
public final class OrderMails {

    private static final String BUNDLE = "dev.parley.notify.notifications";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final String language;
    private final String shopName;

    private OrderMails(ResourceBundle bundle, String language, String shopName) {
        this.bundle = bundle;
        this.locale = Locale.forLanguageTag(language);
        this.language = language;
        this.shopName = shopName;
    }

    /** The wording for a store language ({@code en}, {@code zh-TW}, {@code zh-CN}; anything else reads English). */
    public static OrderMails of(String language, String shopName) {
        String lang = language == null || language.isBlank() ? "en" : language;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang),
                OrderMails.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new OrderMails(bundle, lang, shopName == null || shopName.isBlank() ? "Parley" : shopName);
    }

    /** The order is paid: each line as sold, the subtotal, discounts, shipping fee and total the order recorded. */
    public Mail confirmation(Orders.StoredOrder o, List<Orders.Line> lines) {
        StringBuilder b = new StringBuilder();
        b.append(text("confirmation.opening", o.orderNumber())).append("\n\n");
        for (Orders.Line l : lines) {
            String title = l.options() == null || l.options().isBlank() ? l.title() : l.title() + " (" + l.options() + ")";
            b.append(text("line", title, Integer.toString(l.quantity()), money(o, l.net()))).append('\n');
        }
        b.append('\n').append(text("subtotal", money(o, o.subtotal()))).append('\n');
        if (o.discountTotal().signum() != 0) {
            b.append(text("discounts", money(o, o.discountTotal()))).append('\n');
        }
        b.append(text("shipping-fee", money(o, o.shippingFee()))).append('\n');
        b.append(text("total", money(o, o.total()))).append("\n\n");
        b.append(text("confirmation.next")).append('\n');
        return mail(o, text("confirmation.subject", o.orderNumber()), b);
    }

    /** The order has shipped: carrier (when recorded) and tracking number. */
    public Mail shipping(Orders.StoredOrder o) {
        StringBuilder b = new StringBuilder();
        b.append(text("shipping.opening", o.orderNumber())).append("\n\n");
        if (o.carrier() != null && !o.carrier().isBlank()) {
            b.append(text("shipping.carrier", o.carrier())).append('\n');
        }
        b.append(text("shipping.tracking", o.trackingNumber() == null ? "" : o.trackingNumber())).append('\n');
        return mail(o, text("shipping.subject", o.orderNumber()), b);
    }

    /**
     * Money went back to the shopper.
     *
     * @param reference {@code cancel} for a cancelled order, otherwise the return's RMA number
     * @param amount the refunded amount as recorded
     */
    public Mail refund(Orders.StoredOrder o, String reference, BigDecimal amount) {
        StringBuilder b = new StringBuilder();
        if (reference.equals("cancel")) {
            b.append(text("refund.cancelled", o.orderNumber(), money(o, amount)));
        } else {
            b.append(text("refund.returned", o.orderNumber(), money(o, amount), reference));
        }
        b.append("\n\n").append(text("refund.timing")).append('\n');
        return mail(o, text("refund.subject", o.orderNumber()), b);
    }

    private Mail mail(Orders.StoredOrder o, String subject, StringBuilder body) {
        body.append('\n').append(text("closing", shopName)).append('\n');
        return new Mail(o.email(), subject, body.toString());
    }

    private String money(Orders.StoredOrder o, BigDecimal amount) {
        return MoneyFormat.format(amount, Currency.getInstance(o.currency()), language);
    }

    private String text(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No notification text '" + key + "' for " + language, e);
        }
    }
}

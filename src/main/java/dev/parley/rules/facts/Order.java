package dev.parley.rules.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A placed order as policy rules see it: status, key dates and lines. */
public final class Order {

    private final String orderNumber;
    private final String status;
    private final LocalDate placedOn;
    private final LocalDate deliveredOn;
    private final List<OrderLine> lines;

    public Order(String orderNumber, String status, LocalDate placedOn, LocalDate deliveredOn, List<OrderLine> lines) {
        this.orderNumber = orderNumber;
        this.status = status.strip().toLowerCase(Locale.ROOT);
        this.placedOn = placedOn;
        this.deliveredOn = deliveredOn;
        this.lines = List.copyOf(lines);
    }

    /** Whether the order has left the warehouse (shipped, delivered or later). */
    public boolean isShipped() {
        return switch (status) {
            case "shipped", "delivered", "returned", "refunded" -> true;
            default -> false;
        };
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getStatus() {
        return status;
    }

    public LocalDate getPlacedOn() {
        return placedOn;
    }

    public LocalDate getDeliveredOn() {
        return deliveredOn;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    @Override
    public String toString() {
        return "Order[" + orderNumber + " " + status + "]";
    }
}

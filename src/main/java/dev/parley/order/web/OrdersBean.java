package dev.parley.order.web;

import dev.parley.order.OrderAdmin;
import dev.parley.order.OrderStatus;
import dev.parley.order.api.OrderDto;
import dev.parley.platform.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders page ({@code /admin/orders/}): newest orders, filtered by status, and the fulfilment moves each one
 * allows (packed, shipped with carrier and tracking number, delivered). Stands in for a fulfilment system.
 */
@Named
@ViewScoped
public class OrdersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderAdmin admin;

    private String status = "";
    private final Map<String, String> carriers = new HashMap<>();
    private final Map<String, String> trackingNumbers = new HashMap<>();
    private List<OrderDto> orders;

    /** The orders shown (loaded once per view and after each change). */
    public List<OrderDto> getOrders() {
        if (orders == null) {
            orders = admin.list(status, 200);
        }
        return orders;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null ? "" : status;
        orders = null;
    }

    /** Every status, for the filter. */
    public List<String> getStatuses() {
        return java.util.Arrays.stream(OrderStatus.values()).map(OrderStatus::wireName).toList();
    }

    public Map<String, String> getCarriers() {
        return carriers;
    }

    public Map<String, String> getTrackingNumbers() {
        return trackingNumbers;
    }

    /** Whether an order in {@code current} may be moved to {@code next} by fulfilment. */
    public boolean can(String current, String next) {
        return OrderStatus.parse(current).map(s -> s.fulfilmentNext().contains(OrderStatus.parse(next).orElseThrow()))
                .orElse(false);
    }

    /** Moves an order on; the shopper's conversation is told. */
    public void move(String number, String next) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            admin.move(number, next, carriers.get(number), trackingNumbers.get(number));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Order " + number + " is " + next + ".",
                    null));
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        orders = null;
    }
}

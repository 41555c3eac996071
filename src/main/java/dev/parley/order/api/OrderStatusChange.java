package dev.parley.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/admin/orders/{number}/status}. */
public class OrderStatusChange {

    /** {@code packed}, {@code shipped} or {@code delivered}. */
    @NotBlank
    @Size(max = 24)
    public String status;

    /** The carrier, when shipped. */
    @Size(max = 64)
    public String carrier;

    /** The tracking number; required when shipped. */
    @Size(max = 64)
    public String trackingNumber;
}

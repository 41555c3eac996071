package dev.parley.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** The payment providers this store offers, by name. */
@ApplicationScoped
public class PaymentGateways {

    @Inject
    Instance<PaymentGateway> gateways;

    /** Every provider. */
    public java.util.List<PaymentGateway> all() {
        return gateways.stream().filter(PaymentGateway::enabled).toList();
    }

    /** The provider with this name, if the store offers it. */
    public Optional<PaymentGateway> named(String provider) {
        return gateways.stream().filter(g -> g.enabled() && g.provider().equals(provider)).findFirst();
    }
}

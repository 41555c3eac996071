package dev.parley.customer;

import dev.parley.platform.system.SystemFact;
import dev.parley.platform.system.SystemFactSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The customer component's line on the dashboard. */
@ApplicationScoped
public class CustomerFacts implements SystemFactSource {

    @Inject
    CustomerTokens tokens;

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<SystemFact> facts() {
        return List.of(new SystemFact("Shoppers", "Signed-in shoppers", tokens.mode()));
    }
}

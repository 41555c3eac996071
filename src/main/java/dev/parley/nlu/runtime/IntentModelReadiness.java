package dev.parley.nlu.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once this node serves an intent model (contract: "intent model loaded"). */
@Readiness
@ApplicationScoped
public class IntentModelReadiness implements HealthCheck {

    @Inject
    LiveIntentModel live;

    @Override
    public HealthCheckResponse call() {
        return live.current()
                .map(s -> HealthCheckResponse.named("intent-model").withData("version", s.version()).up().build())
                .orElseGet(() -> HealthCheckResponse.named("intent-model").withData("state", "no model loaded yet")
                        .down().build());
    }
}

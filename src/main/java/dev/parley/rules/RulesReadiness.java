package dev.parley.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once this node serves compiled rules (contract: "rules compiled"). */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    @Inject
    LiveRules live;

    @Override
    public HealthCheckResponse call() {
        return live.serving()
                .map(s -> HealthCheckResponse.named("rules").withData("version", s.current().version())
                        .withData("rules", s.current().ruleCount()).up().build())
                .orElseGet(() -> HealthCheckResponse.named("rules").withData("state", "rules not compiled yet")
                        .down().build());
    }
}

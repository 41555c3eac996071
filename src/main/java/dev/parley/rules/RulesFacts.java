package dev.parley.rules;

import dev.parley.platform.system.SystemFact;
import dev.parley.platform.system.SystemFactSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The rules component's lines on the dashboard and in {@code /api/v1/admin/system}. */
@ApplicationScoped
public class RulesFacts implements SystemFactSource {

    @Inject
    LiveRules live;

    @Inject
    RuleStore store;

    @Override
    public int order() {
        return 45;
    }

    @Override
    public List<SystemFact> facts() {
        String serving = live.serving()
                .map(s -> "version " + s.current().version() + " (" + s.current().ruleCount() + " rules)"
                        + (s.fallback() == null ? "" : ", falls back to version " + s.fallback().version()))
                .orElse("not loaded yet");
        int alerts = store.alerts(1000).size();
        return List.of(new SystemFact("Rules", "Live rules on this node", serving),
                new SystemFact("Rules", "Rule alerts", alerts == 0 ? "none" : alerts + " (see Rules → Alerts)"));
    }
}

package dev.parley.platform.web;

import dev.parley.platform.system.SystemFact;
import dev.parley.platform.system.SystemFacts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard: system facts grouped for display. */
@Named
@RequestScoped
public class DashboardBean {

    @Inject
    SystemFacts facts;

    private Map<String, List<SystemFact>> groups;

    public Map<String, List<SystemFact>> getGroups() {
        if (groups == null) {
            groups = new LinkedHashMap<>();
            for (SystemFact fact : facts.all()) {
                groups.computeIfAbsent(fact.group(), g -> new java.util.ArrayList<>()).add(fact);
            }
        }
        return groups;
    }

    public List<String> getGroupNames() {
        return List.copyOf(getGroups().keySet());
    }
}

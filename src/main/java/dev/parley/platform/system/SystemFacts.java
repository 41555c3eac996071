package dev.parley.platform.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** All system facts, from every contributing component, in dashboard order. */
@ApplicationScoped
public class SystemFacts {

    @Inject
    Instance<SystemFactSource> sources;

    public List<SystemFact> all() {
        return sources.stream()
                .sorted(Comparator.comparingInt(SystemFactSource::order))
                .flatMap(s -> s.facts().stream())
                .toList();
    }
}

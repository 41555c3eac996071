package dev.parley.platform.system;

import dev.parley.platform.BuildInfo;
import dev.parley.platform.ParleySettings;
import dev.parley.platform.persistence.SchemaMigration;
import dev.parley.platform.store.StoreProfile;
import dev.parley.platform.store.StoreProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Facts the platform knows: build, server, node, database, schema and store. */
@ApplicationScoped
public class PlatformFacts implements SystemFactSource {

    @Inject
    BuildInfo build;

    @Inject
    SchemaMigration migration;

    @Inject
    ParleySettings settings;

    @Inject
    StoreProfiles store;

    @Inject
    ServletContext servletContext;

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<SystemFact> facts() {
        List<SystemFact> facts = new ArrayList<>();
        facts.add(new SystemFact("Parley", "Version", build.version()));
        facts.add(new SystemFact("Parley", "Built", build.builtAt()));
        facts.add(new SystemFact("Parley", "Demo mode", settings.demo() ? "on" : "off"));
        facts.add(new SystemFact("Server", "Runtime", servletContext.getServerInfo()));
        facts.add(new SystemFact("Server", "Java", Runtime.version().toString()));
        facts.add(new SystemFact("Server", "Node", ManagementFactory.getRuntimeMXBean().getName()));
        facts.add(new SystemFact("Server", "Uptime",
                human(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()))));
        Runtime rt = Runtime.getRuntime();
        facts.add(new SystemFact("Server", "Heap", mb(rt.totalMemory() - rt.freeMemory()) + " used of "
                + mb(rt.maxMemory())));
        facts.add(new SystemFact("Database", "Server", migration.databaseProduct()));
        facts.add(new SystemFact("Database", "Location", settings.databaseUrl().map(PlatformFacts::hostOf)
                .orElse("unknown")));
        facts.add(new SystemFact("Database", "Schema version", migration.schemaVersion()));
        if (migration.migrated()) {
            StoreProfile profile = store.current();
            facts.add(new SystemFact("Store", "Name", profile.name()));
            facts.add(new SystemFact("Store", "Currency", profile.currency().getCurrencyCode()));
            facts.add(new SystemFact("Store", "Default language", profile.defaultLocale()));
            facts.add(new SystemFact("Store", "Time zone", profile.timeZone()));
        }
        return facts;
    }

    /** Host, port and schema of a JDBC URL, without user, password or parameters. */
    static String hostOf(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:[a-z]+://", "");
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        int query = rest.indexOf('?');
        return query >= 0 ? rest.substring(0, query) : rest;
    }

    private static String mb(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }

    private static String human(Duration d) {
        return d.toDaysPart() > 0 ? d.toDaysPart() + "d " + d.toHoursPart() + "h"
                : d.toHoursPart() + "h " + d.toMinutesPart() + "m " + d.toSecondsPart() + "s";
    }
}

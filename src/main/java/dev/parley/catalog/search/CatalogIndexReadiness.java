package dev.parley.catalog.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once this node's search index has been built from the database. */
@Readiness
@ApplicationScoped
public class CatalogIndexReadiness implements HealthCheck {

    @Inject
    CatalogIndexer indexer;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("catalog-search").status(indexer.built())
                    .withData("variants", indexer.variantCount()).withData("buildMillis", indexer.rebuildMillis())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("catalog-search").withData("state", "starting").down().build();
        }
    }
}

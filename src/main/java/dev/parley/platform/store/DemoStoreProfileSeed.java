package dev.parley.platform.store;

import dev.parley.platform.seed.DemoSeed;
import dev.parley.platform.store.jpa.JpaStoreProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Properties;

/** Names the demo store from {@code db/seed/demo-store.properties}. */
@ApplicationScoped
public class DemoStoreProfileSeed implements DemoSeed {

    static final String RESOURCE = "db/seed/demo-store.properties";
    /** The name the first migration gives a store nobody has named yet. */
    static final String UNNAMED = "My Parley store";

    @Inject
    JpaStoreProfileRepository repository;

    @Override
    public String name() {
        return "store-profile";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public boolean targetIsEmpty() {
        return UNNAMED.equals(repository.load().name());
    }

    @Override
    public void apply() {
        Properties p = new Properties();
        try (InputStream in = DemoStoreProfileSeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the WAR");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.save(new StoreProfile(p.getProperty("name"), Currency.getInstance(p.getProperty("currency")),
                p.getProperty("default_locale"), p.getProperty("time_zone"), p.getProperty("support_email"),
                p.getProperty("storefront_url")));
    }
}

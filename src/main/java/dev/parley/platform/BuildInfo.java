package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version and build time of this WAR, written into {@code build.properties} by the Maven build. */
@ApplicationScoped
public class BuildInfo {

    private final String version;
    private final String builtAt;

    public BuildInfo() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = properties.getProperty("version", "unknown");
        this.builtAt = properties.getProperty("builtAt", "unknown");
    }

    public String version() {
        return version;
    }

    public String builtAt() {
        return builtAt;
    }
}

package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any integration test starts a server, writes {@code target/it-pre-boot-commands.asadmin}: the
 * {@code server-config} pre-boot commands with the Hazelcast data grid moved to group {@code parley-it} on a free
 * port, and publishes its path as the system property {@code parley.it.preBoot} (arquillian.xml and
 * {@link ParleyServer} use it). A store a developer runs on the same machine ({@code mvn -Prun}: group
 * {@code parley} from port 6900) is then neither joined nor in the way. Unit-test runs (no
 * {@code parley.serverConfig.dir}) are left alone.
 */
public final class IsolatedDataGrid implements LauncherSessionListener {

    /** The system property holding the isolated pre-boot command file. */
    public static final String PROPERTY = "parley.it.preBoot";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String config = System.getProperty("parley.serverConfig.dir");
        String war = System.getProperty("parley.war");
        if (config == null || war == null || System.getProperty(PROPERTY) != null) {
            return;
        }
        System.setProperty(PROPERTY, write(Path.of(config), Path.of(war).resolveSibling("it-pre-boot-commands.asadmin"))
                .toString());
    }

    /** The isolated copy of the pre-boot commands, written now. */
    static Path write(Path serverConfig, Path copy) {
        try {
            String commands = Files.readString(serverConfig.resolve("pre-boot-commands.asadmin"), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^set hazelcast-runtime-configuration\\.start-port=.*$",
                            "set hazelcast-runtime-configuration.start-port=" + freePort())
                    .replaceAll("(?m)^set hazelcast-runtime-configuration\\.cluster-group-name=.*$",
                            "set hazelcast-runtime-configuration.cluster-group-name=parley-it");
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, commands, StandardCharsets.UTF_8);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

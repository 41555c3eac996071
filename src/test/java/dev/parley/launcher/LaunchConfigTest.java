package dev.parley.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LaunchConfigTest {

    @Test
    void portDefaultsTo8080AndMustBeAPortNumber() throws Exception {
        assertEquals(8080, LaunchConfig.port(null));
        assertEquals(9090, LaunchConfig.port(" 9090 "));
        assertThrows(ParleyLauncher.LaunchException.class, () -> LaunchConfig.port("http"));
        assertThrows(ParleyLauncher.LaunchException.class, () -> LaunchConfig.port("70000"));
    }

    @Test
    void hostAndPortAreReadFromTheJdbcUrl() throws Exception {
        assertEquals("db.shop.tw:3307", LaunchConfig.hostAndPort("jdbc:mysql://db.shop.tw:3307/parley?sslMode=REQUIRED"));
        assertEquals("db.shop.tw:3306", LaunchConfig.hostAndPort("jdbc:mysql://db.shop.tw/parley"));
        assertThrows(ParleyLauncher.LaunchException.class, () -> LaunchConfig.hostAndPort("postgres://x"));
    }

    @Test
    void anUnknownHostFailsFastWithOneLineNamingIt() {
        ParleyLauncher.LaunchException e = assertThrows(ParleyLauncher.LaunchException.class,
                () -> LaunchConfig.checkReachable("jdbc:mysql://no-such-host.invalid:3306/parley", "u", "p"));
        assertEquals("cannot use the database at no-such-host.invalid:3306: unknown host (DNS lookup failed)",
                e.getMessage());
    }

    @Test
    void aClosedPortFailsFastWithConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closed = port;
        ParleyLauncher.LaunchException e = assertThrows(ParleyLauncher.LaunchException.class,
                () -> LaunchConfig.checkReachable("jdbc:mysql://127.0.0.1:" + closed + "/parley", "u", "p"));
        assertTrue(e.getMessage().startsWith("cannot use the database at 127.0.0.1:" + closed), e.getMessage());
        assertTrue(e.getMessage().endsWith("connection refused (nothing listening on that port)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aBusyHttpPortIsReportedBeforeAnythingStarts() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            ParleyLauncher.LaunchException e = assertThrows(ParleyLauncher.LaunchException.class,
                    () -> LaunchConfig.checkPortFree(busy.getLocalPort()));
            assertTrue(e.getMessage().startsWith("port " + busy.getLocalPort() + " is already in use"));
        }
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        LaunchConfig.checkPortFree(free);
    }
}

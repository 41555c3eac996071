package dev.parley.platform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlatformFactsTest {

    @Test
    void theDatabaseLocationShowsNoCredentialsOrParameters() {
        assertEquals("db.example.com:3306/shop",
                PlatformFacts.hostOf("jdbc:mysql://user:secret@db.example.com:3306/shop?password=x&sslMode=REQUIRED"));
        assertEquals("127.0.0.1:4000/parley", PlatformFacts.hostOf("jdbc:mysql://127.0.0.1:4000/parley"));
    }
}

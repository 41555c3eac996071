package dev.parley.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aSafeCallerIdIsKept() {
        assertEquals("trace-1.a_B", RequestIds.accept("trace-1.a_B"));
    }

    @Test
    void unsafeOrMissingIdsAreReplacedByARandomOne() {
        String fresh = RequestIds.accept("<script>");
        assertNotEquals("<script>", fresh);
        assertTrue(fresh.matches("[0-9a-f-]{36}"), fresh);
        assertTrue(RequestIds.accept(null).matches("[0-9a-f-]{36}"));
        assertTrue(RequestIds.accept("x".repeat(65)).matches("[0-9a-f-]{36}"), "too long");
        assertNotEquals(RequestIds.accept(null), RequestIds.accept(null));
    }
}

package dev.parley.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BodySizeLimitFilterTest {

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws IOException {
        AtomicBoolean exceeded = new AtomicBoolean();
        var in = new BodySizeLimitFilter.CountingStream(stream(10), 10, () -> exceeded.set(true));
        assertEquals(10, in.readAllBytes().length);
        assertEquals(false, exceeded.get());
    }

    @Test
    void readingPastTheLimitFailsAndMarksTheRequest() {
        AtomicBoolean exceeded = new AtomicBoolean();
        var in = new BodySizeLimitFilter.CountingStream(stream(11), 10, () -> exceeded.set(true));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, in::readAllBytes);
        assertEquals(10, e.limit());
        assertTrue(exceeded.get());
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        var in = new BodySizeLimitFilter.CountingStream(stream(3), 2, () -> { });
        in.read();
        in.read();
        assertThrows(BodyTooLargeException.class, in::read);
    }

    private static ServletInputStream stream(int size) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(new byte[size]);
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}

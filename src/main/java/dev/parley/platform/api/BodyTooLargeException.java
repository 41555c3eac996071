package dev.parley.platform.api;

import java.io.IOException;

/** Raised while reading a request body that turns out larger than its endpoint's limit. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}

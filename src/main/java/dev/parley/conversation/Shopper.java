package dev.parley.conversation;

import dev.parley.conversation.memory.Preferences;

/**
 * Who is talking in a conversation and what the assistant remembers about them. Handlers read and change the
 * preferences during a turn; the turn stores them when they changed.
 */
public final class Shopper {

    private final String anonymousId;
    private final String customerId;
    private final String memoryKey;
    private Preferences preferences;
    private boolean changed;
    private boolean forgotten;

    public Shopper(String anonymousId, String customerId, String memoryKey, Preferences preferences) {
        this.anonymousId = anonymousId;
        this.customerId = customerId;
        this.memoryKey = memoryKey;
        this.preferences = preferences;
    }

    public String anonymousId() {
        return anonymousId;
    }

    public String customerId() {
        return customerId;
    }

    /** The memory key, or null when the shopper cannot be recognised again (no anonymous or customer id). */
    public String memoryKey() {
        return memoryKey;
    }

    public Preferences preferences() {
        return preferences;
    }

    /** Replaces the preferences (kept only for a shopper with a memory key). */
    public void learn(Preferences updated) {
        if (memoryKey != null && !updated.equals(preferences)) {
            preferences = updated;
            changed = true;
        }
    }

    /** Forgets everything for the rest of the turn and, when stored, in the database. */
    public void forget() {
        preferences = Preferences.none();
        forgotten = true;
        changed = false;
    }

    public boolean changed() {
        return changed;
    }

    public boolean forgotten() {
        return forgotten;
    }
}

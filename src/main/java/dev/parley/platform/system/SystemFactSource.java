package dev.parley.platform.system;

import java.util.List;

/** A component's contribution to the system facts. Implementations are CDI beans. */
public interface SystemFactSource {

    /** Order on the dashboard (lower first). */
    int order();

    /** The facts, read now. */
    List<SystemFact> facts();
}

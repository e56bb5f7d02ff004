package org.capacitytracker.host.ao;

import net.java.ao.Entity;

/** An entity no {@code <ao>} module of the tests declares. */
public interface Undeclared extends Entity {
    String getName();

    void setName(String name);
}

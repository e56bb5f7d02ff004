package org.capacitytracker.host.ao;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** A test entity shaped like the plugin's document rows: a unique bounded key, an unlimited text, a counter. */
@Table("NOTE")
public interface Note extends Entity {
    @NotNull
    @Unique
    @StringLength(100)
    String getNoteKey();

    void setNoteKey(String key);

    @StringLength(StringLength.UNLIMITED)
    String getBody();

    void setBody(String body);

    int getCounter();

    void setCounter(int counter);
}

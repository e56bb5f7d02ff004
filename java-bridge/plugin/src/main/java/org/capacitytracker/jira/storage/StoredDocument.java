package org.capacitytracker.jira.storage;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One stored value of the engine (a document, a chunk of one, a manifest, the index) as an
 * Active Objects row: table {@code AO_<hash>_DOCUMENT}, declared by the {@code <ao>} module.
 * The key follows the engine's key rules (at most 100 characters, unique); the text has no
 * length limit in the database, though the engine still chunks what it writes.
 */
@Table("DOCUMENT")
public interface StoredDocument extends Entity {
    /** Column {@code DOC_KEY}. */
    String KEY_COLUMN = "DOC_KEY";
    /** Column {@code DOC_TEXT}. */
    String TEXT_COLUMN = "DOC_TEXT";

    @NotNull
    @Unique
    @StringLength(100)
    String getDocKey();

    void setDocKey(String key);

    @StringLength(StringLength.UNLIMITED)
    String getDocText();

    void setDocText(String text);
}

package org.capacitytracker.host.plugin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Felix's unresolved-import message, said in words: which package, which version range. */
class MissingPackageHintTest {
    @Test
    void namesThePackageAndItsRange() {
        String felix = "Unable to resolve org.example [3](R 3.0): missing requirement [org.example [3](R 3.0)] "
                + "osgi.wiring.package; (&(osgi.wiring.package=org.capacitytracker.api.typed)(version>=1.0.0)(!(version>=2.0.0))) "
                + "Unresolved requirements: [[org.example [3](R 3.0)] osgi.wiring.package; (&(osgi.wiring.package=org.capacitytracker.api.typed)"
                + "(version>=1.0.0)(!(version>=2.0.0)))]";
        assertEquals(". Neither Jira nor an installed plugin exports package org.capacitytracker.api.typed in version >= 1.0.0, "
                + "< 2.0.0: install the plugin that exports it, in a version the import accepts, before this one",
                OsgiFramework.missingPackageHint(felix));
    }

    @Test
    void namesAPackageImportedWithoutARange() {
        String felix = "Unable to resolve test.plugin [1](R 1.0): missing requirement [test.plugin [1](R 1.0)] "
                + "osgi.wiring.package; (osgi.wiring.package=org.h2) Unresolved requirements: [...]";
        assertEquals(". Neither Jira nor an installed plugin exports package org.h2: install the plugin that exports it, "
                + "in a version the import accepts, before this one", OsgiFramework.missingPackageHint(felix));
    }

    @Test
    void addsNothingToOtherFailures() {
        assertEquals("", OsgiFramework.missingPackageHint("Unable to resolve x: missing requirement osgi.ee; (osgi.ee=JavaSE)"));
        assertEquals("", OsgiFramework.missingPackageHint(null));
    }
}

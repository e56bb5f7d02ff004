package org.capacitytracker.host.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Jira generation this host emulates. The host is written once against the javax
 * namespace (Jira 10); the Jira 11 host is the same code transformed to Jakarta at build time
 * and run over Tomcat 10.1, Jersey 3 and Spring 6. Which one is running is therefore read off
 * the servlet API the code was linked against, not configured: a host cannot claim to be
 * Jira 11 while serving javax servlets.
 */
public enum JiraPlatform {
    JIRA_10("10", "Jira 10.3 (Platform 7)", 17, "jira-10.packages"),
    JIRA_11("11", "Jira 11 (Platform 8)", 21, "jira-11.packages");

    private final String mode;
    private final String displayName;
    private final int minimumJava;
    private final String packagesResource;

    JiraPlatform(String mode, String displayName, int minimumJava, String packagesResource) {
        this.mode = mode;
        this.displayName = displayName;
        this.minimumJava = minimumJava;
        this.packagesResource = packagesResource;
    }

    /** The platform this build of the host emulates. */
    public static JiraPlatform current() {
        return javax.servlet.Servlet.class.getName().startsWith("jakarta.") ? JIRA_11 : JIRA_10;
    }

    /** {@code 10} or {@code 11}, as {@code --jira} takes it. */
    public String mode() {
        return mode;
    }

    public String displayName() {
        return displayName;
    }

    /** The oldest Java this Jira runs on. */
    public int minimumJava() {
        return minimumJava;
    }

    /** The servlet API's package as this platform names it ({@code javax.servlet} or {@code jakarta.servlet}). */
    public String servletPackage() {
        return javax.servlet.Servlet.class.getPackageName();
    }

    /**
     * The packages Jira exports to plugins (besides the JRE's), in OSGi syntax
     * ({@code name;version=x}), from {@code platform/jira-<n>.packages}.
     */
    public List<String> exportedPackages() {
        String resource = "/org/capacitytracker/host/platform/" + packagesResource;
        try (InputStream in = JiraPlatform.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the host jar");
            }
            List<String> packages = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    packages.add(line);
                }
            }
            return List.copyOf(packages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package names alone, without versions. */
    public List<String> exportedPackageNames() {
        return exportedPackages().stream().map(p -> p.split(";", 2)[0].strip()).toList();
    }
}

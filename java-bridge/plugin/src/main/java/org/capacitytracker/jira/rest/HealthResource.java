package org.capacitytracker.jira.rest;

import com.atlassian.annotations.security.UnlicensedSiteAccess;
import com.atlassian.sal.api.user.UserManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.text.JsonText;

/**
 * Whether the engine runs here, and which: {@code GET /rest/capacity/1.0/health} →
 * {@code {"nativeVersion": "0.1.0", "platform": "linux-x86_64", "glibcFloor": "2.17", "pluginVersion": "0.1.0"}}
 * ({@code glibcFloor}: the oldest glibc the library was built for; {@code null} on Windows).
 *
 * <p>It opens the plugin's engine, so a library that cannot load on this node answers 500
 * with the loader's message instead of a healthy line.
 */
@UnlicensedSiteAccess
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final UserManager userManager;
    private final EngineHolder engines;
    private final String pluginVersion;

    /**
     * Created by the plugin framework, with Jira's user manager and the plugin's engine.
     *
     * @param userManager SAL's user manager
     * @param engines the plugin's engine
     */
    @Inject
    public HealthResource(UserManager userManager, EngineHolder engines) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.engines = Objects.requireNonNull(engines, "engines");
        this.pluginVersion = readPluginVersion();
    }

    /** The health line. */
    @GET
    public Response health(@Context HttpServletRequest request) {
        return RestCalls.open(userManager, engines, request, Access::anyone,
                call -> RestCalls.ok("{\"nativeVersion\":" + JsonText.quote(CapacityEngine.nativeVersion())
                        + ",\"platform\":" + JsonText.quote(CapacityEngine.platform())
                        + ",\"glibcFloor\":" + CapacityEngine.glibcFloor().map(JsonText::quote).orElse("null")
                        + ",\"pluginVersion\":" + JsonText.quote(pluginVersion) + "}"));
    }

    /** The Maven version the jar was built as (filtered into the properties at build time). */
    static String readPluginVersion() {
        Properties build = new Properties();
        try (InputStream in = HealthResource.class.getResourceAsStream("/capacity-tracker-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("capacity-tracker-build.properties is missing from the plugin jar");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Objects.requireNonNull(build.getProperty("version"), "version");
    }
}

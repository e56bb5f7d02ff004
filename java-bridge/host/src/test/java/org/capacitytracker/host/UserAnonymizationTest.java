package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jira's anonymisation flow in the host calling the real plugin's
 * {@code <user-anonymization-handler>}: the validation lists the person's stored data, the
 * run erases it, and the host enforces who may run it and the form token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAnonymizationTest {
    private static final String PAGE = "/jira/secure/admin/AnonymizeUser.jspa";
    private static final Pattern TOKEN = Pattern.compile("name=\"atl_token\" value=\"([^\"]+)\"");

    private CapacityHost host;
    private URI root;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        host = TestHosts.start(dataDir);
        root = host.baseUri().resolve("/");
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private TestHttp as(String user) {
        return new TestHttp(root).basic(user, user.equals("admin") ? "admin" : user);
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "the validation has the run form with its token");
        return m.group(1);
    }

    @Test
    void anAdministratorSeesTheDataThenAnonymizesAndItIsGone() throws Exception {
        TestHttp admin = as("admin");
        JsonNode before = admin.getJson("/jira/rest/capacity/1.0/admin/people/carol");
        assertTrue(before.get("boards").size() > 0, "the demo has carol on a board: " + before);

        HttpResponse<String> validation = admin.get(PAGE + "?user=carol");
        assertEquals(200, validation.statusCode());
        assertTrue(validation.body().contains("id=\"anonymize-affected\""), validation.body());
        assertTrue(validation.body().contains("Capacity Tracker: board memberships (capacity and role)"), validation.body());
        assertTrue(validation.body().contains("<td>REMOVE</td>"), validation.body());

        HttpResponse<String> run = admin.postForm(PAGE, "userKey", "carol", "atl_token", token(validation.body()));
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("data-status=\"COMPLETED\""), run.body());
        assertTrue(run.body().contains("Anonymization completed: 1 of 1 tasks done."), run.body());

        JsonNode after = admin.getJson("/jira/rest/capacity/1.0/admin/people/carol");
        assertEquals(0, after.get("boards").size(), after.toString());
        assertTrue(after.get("daysOff").isNull(), after.toString());
        assertTrue(admin.get(PAGE + "?user=carol").body().contains("No app reports data for this user."));
        assertTrue(admin.getJson("/jira/rest/capacity/1.0/admin/people/alice").get("boards").size() > 0, "others stay");
    }

    @Test
    void onlyAdministratorsMayOpenOrRunIt() throws Exception {
        assertEquals(403, as("alice").get(PAGE + "?user=bob").statusCode());
        assertEquals(403, as("alice").postForm(PAGE, "userKey", "bob", "atl_token", "x").statusCode());
        HttpResponse<String> anonymous = new TestHttp(root).get(PAGE);
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/login.jsp"));
        assertTrue(as("admin").getJson("/jira/rest/capacity/1.0/admin/people/bob").get("boards").size() > 0);
    }

    @Test
    void aRunWithoutTheSessionsTokenChangesNothing() throws Exception {
        TestHttp admin = as("admin");
        admin.get(PAGE + "?user=bob");
        assertEquals(403, admin.postForm(PAGE, "userKey", "bob", "atl_token", "forged").statusCode());
        assertEquals(403, new TestHttp(root).basic("admin", "admin").postForm(PAGE, "userKey", "bob").statusCode());
        assertTrue(admin.getJson("/jira/rest/capacity/1.0/admin/people/bob").get("boards").size() > 0, "bob must stay");
    }

    @Test
    void anUnknownUserIsNamed() throws Exception {
        TestHttp admin = as("admin");
        String page = admin.get(PAGE + "?user=mallory").body();
        assertTrue(page.contains("No user has the key or user name &quot;mallory&quot;."), page);
        String token = token(admin.get(PAGE + "?user=alice").body());
        assertEquals(400, admin.postForm(PAGE, "userKey", "mallory", "atl_token", token).statusCode());
    }
}

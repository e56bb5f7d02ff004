package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the request/response pairs in {@code jira-rest-docs/} (written from Atlassian's
 * published REST documentation, see its README) against the host and compares structurally:
 * every field of the documented example must be there, with the same JSON type and nesting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JiraRestConformanceTest {
    private static final String DIR = "/jira-rest-docs/";

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

    @TestFactory
    Stream<DynamicTest> documentedExamples() throws IOException {
        List<String> names = new String(resource("index.txt").readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::trim).filter(l -> !l.isEmpty()).toList();
        assertTrue(names.size() >= 20, "the examples index lists " + names.size());
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> replay(name)));
    }

    /** The comparison itself reports what a wrong answer gets wrong (so a passing example means something). */
    @org.junit.jupiter.api.Test
    void comparisonReportsMissingFieldsWrongTypesAndWrongElements() throws IOException {
        JsonNode documented = TestHttp.JSON.readTree("{\"id\":\"1\",\"n\":2,\"a\":[{\"k\":true}],\"o\":{\"x\":\"y\"},\"opt\":1}");
        JsonNode actual = TestHttp.JSON.readTree("{\"id\":1,\"a\":[{\"k\":true},{\"k\":\"no\"}],\"o\":[]}");
        List<String> problems = new ArrayList<>();
        compare(documented, actual, "", List.of("/opt"), problems);
        assertEquals(List.of("/id: documented as string, got number", "/n: missing (documented as number)",
                "/a/1/k: documented as boolean, got string", "/o: documented as object, got array"), problems);
    }

    private static InputStream resource(String name) {
        InputStream in = JiraRestConformanceTest.class.getResourceAsStream(DIR + name);
        assertNotNull(in, DIR + name);
        return in;
    }

    private void replay(String name) throws Exception {
        JsonNode example = TestHttp.JSON.readTree(resource(name));
        assertTrue(example.path("source").asText().startsWith("https://"), name + " names its source");
        JsonNode request = example.path("request");
        TestHttp http = new TestHttp(root);
        if (!request.path("anonymous").asBoolean(false)) {
            String user = request.path("user").asText("alice");
            http.basic(user, user);
        }
        String path = "/jira" + request.path("path").asText();
        HttpResponse<String> response = request.path("method").asText("GET").equals("POST")
                ? http.sendJson("POST", path, request.path("body").toString())
                : http.get(path);
        assertEquals(example.path("status").asInt(), response.statusCode(), name + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), name);
        JsonNode actual = TestHttp.JSON.readTree(response.body());

        List<String> optional = new ArrayList<>();
        example.path("optional").forEach(o -> optional.add(o.asText()));
        List<String> problems = new ArrayList<>();
        compare(example.path("expected"), actual, "", optional, problems);
        Iterator<Map.Entry<String, JsonNode>> values = example.path("values").fields();
        while (values.hasNext()) {
            Map.Entry<String, JsonNode> v = values.next();
            JsonNode got = actual.at(v.getKey());
            boolean same = v.getValue().isNumber() && got.isNumber()
                    ? v.getValue().decimalValue().compareTo(got.decimalValue()) == 0 : v.getValue().equals(got);
            if (!same) {
                problems.add(v.getKey() + ": expected value " + v.getValue() + ", got " + got);
            }
        }
        assertTrue(problems.isEmpty(), name + " differs from the documented shape:\n  " + String.join("\n  ", problems)
                + "\nactual: " + response.body());
    }

    /** Structural comparison: {@code expected} is the documented example, {@code actual} the host's answer. */
    static void compare(JsonNode expected, JsonNode actual, String pointer, List<String> optional, List<String> problems) {
        boolean isOptional = optional.contains(pointer) || optional.contains(pointer.replaceAll("/\\d+(?=/|$)", "/*"));
        if (actual == null || actual.isMissingNode()) {
            if (!isOptional) {
                problems.add(pointer + ": missing (documented as " + type(expected) + ")");
            }
            return;
        }
        if (expected.isNull() || (actual.isNull() && isOptional)) {
            return;
        }
        if (!type(expected).equals(type(actual))) {
            problems.add(pointer + ": documented as " + type(expected) + ", got " + type(actual));
            return;
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey().replace("~", "~0").replace("/", "~1");
                compare(f.getValue(), actual.get(f.getKey()), pointer + "/" + key, optional, problems);
            }
        } else if (expected.isArray() && expected.size() > 0) {
            for (int i = 0; i < actual.size(); i++) {
                compare(expected.get(0), actual.get(i), pointer + "/" + i, optional, problems);
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isNull() ? "null" : node.getNodeType().toString();
    }
}

package org.capacitytracker.jira.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.capacitytracker.jira.testing.FakeHttp;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
    @Test
    void readsUtf8UpToTheLimit() {
        assertEquals("{\"name\":\"Zoë\"}", RequestBodies.read(FakeHttp.body("{\"name\":\"Zoë\"}"), -1, 100));
        String exact = "x".repeat(100);
        assertEquals(exact, RequestBodies.read(FakeHttp.body(exact), 100, 100));
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        InputStream neverRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        RestProblem p = assertThrows(RestProblem.class, () -> RequestBodies.read(neverRead, 101, 100));
        assertEquals(413, p.status);
        assertEquals("body", p.field);
    }

    @Test
    void refusesAnUndeclaredBodyOverTheLimitAfterReadingOneByteMore() {
        RestProblem p = assertThrows(RestProblem.class, () -> RequestBodies.read(FakeHttp.body("x".repeat(101)), -1, 100));
        assertEquals(413, p.status);
    }

    @Test
    void refusesAnEmptyBody() {
        RestProblem p = assertThrows(RestProblem.class, () -> RequestBodies.read(FakeHttp.body(""), 0, 100));
        assertEquals(400, p.status);
        assertEquals("body", p.field);
        assertEquals(400, assertThrows(RestProblem.class, () -> RequestBodies.read(null, -1, 100)).status);
    }

    @Test
    void refusesMalformedUtf8() {
        byte[] latin1 = {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'};
        RestProblem p = assertThrows(RestProblem.class,
                () -> RequestBodies.read(new ByteArrayInputStream(latin1), -1, 100));
        assertEquals(400, p.status);
        assertEquals("body", p.field);
    }

    /**
     * Issue 10, defect 7: a client disconnecting mid-body became an UncheckedIOException,
     * answered 500 and logged as an error with its stack trace. Now a 400 naming the body.
     */
    @Test
    void aBodyCutOffMidwayIsTheClientsProblemNotAnError() {
        InputStream cutOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws java.io.IOException {
                if (sent++ < 3) {
                    return '{';
                }
                throw new java.io.EOFException("Unexpected EOF read on the socket");
            }
        };
        RestProblem p = assertThrows(RestProblem.class, () -> RequestBodies.read(cutOff, 100, 1000));
        assertEquals(400, p.status);
        assertEquals("body", p.field);
        assertEquals(400, ErrorResponses.of(p).getStatus());
    }

    @Test
    void limitsAreSaneForTheirDocuments() {
        assertEquals(1 << 20, RequestBodies.DOCUMENT_LIMIT);
        assertEquals(8 << 20, RequestBodies.REPORT_LIMIT);
    }
}

package org.capacitytracker.jira.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON request bodies with a size limit, as strict UTF-8, without ever holding more
 * than the limit in memory. The engine validates the JSON itself.
 */
final class RequestBodies {
    /**
     * Settings and days-off documents: a board of a thousand members with their own
     * weekdays is about 200 KB.
     */
    static final int DOCUMENT_LIMIT = 1 << 20;
    /**
     * Report requests carry the sprint's work items: ~20,000 items at ~300 bytes each.
     * Jira Plans itself stops at 5,000 issues per plan.
     */
    static final int REPORT_LIMIT = 8 << 20;
    /**
     * Imports carry every document of an instance: 1,500 boards of typical size (a few KB
     * each) with their days off fit many times over.
     */
    static final int IMPORT_LIMIT = 64 << 20;

    private RequestBodies() {
    }

    /**
     * Reads the whole body.
     *
     * @param body the entity stream
     * @param declaredLength the request's Content-Length, or -1 when unknown (chunked)
     * @param limit the largest body accepted, in bytes
     * @return the body as text
     * @throws RestProblem 413 over the limit, 400 when empty or not UTF-8
     */
    static String read(InputStream body, long declaredLength, int limit) {
        if (declaredLength > limit) {
            // Refused before reading a byte.
            throw RestProblem.bodyTooLarge(limit);
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(limit + 1);
        } catch (IOException e) {
            // A client that disconnects or stalls mid-body (Tomcat's ClientAbortException,
            // a read timeout): the client's problem, answered and not logged as ours.
            throw RestProblem.bodyUnreadable();
        }
        if (bytes.length > limit) {
            throw RestProblem.bodyTooLarge(limit);
        }
        if (bytes.length == 0) {
            throw RestProblem.invalid("body", "a JSON document is required");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw RestProblem.invalid("body", "is not valid UTF-8");
        }
    }
}

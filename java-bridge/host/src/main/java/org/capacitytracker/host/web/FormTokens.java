package org.capacitytracker.host.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Anti-CSRF tokens for the host's own forms (log in, log out): a random token kept in the
 * session and sent back as the form field {@value #FIELD}, Jira's name for it. A form posted
 * from another site cannot know it — and, with the session cookie {@code SameSite=Lax}, does
 * not even carry the session. Issue 10, defect 7: the login form had no token (login CSRF:
 * another site could log a victim in as the attacker) and logout was a GET.
 */
final class FormTokens {
    static final String FIELD = "atl_token";
    private static final String ATTRIBUTE = FormTokens.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormTokens() {
    }

    /** The session's token, made on first use (creating the session if there is none). */
    static String of(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String s) {
                return s;
            }
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String made = HexFormat.of().formatHex(bytes);
            session.setAttribute(ATTRIBUTE, made);
            return made;
        }
    }

    /** Whether the posted {@value #FIELD} is the session's token (compared in constant time). */
    static boolean matches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String posted = request.getParameter(FIELD);
        if (session == null || posted == null || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
    }

    /** The hidden form field carrying the session's token. */
    static String hiddenField(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + Html.escape(of(request)) + "\">\n";
    }
}

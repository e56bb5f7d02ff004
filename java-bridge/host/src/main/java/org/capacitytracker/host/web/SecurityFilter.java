package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.LoginThrottle;
import org.capacitytracker.host.auth.UserStore;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Seraph and the Atlassian REST module, as far as a plugin can tell: finds the user from the
 * session or from HTTP Basic credentials, answers 401 to anonymous calls of Jira's own REST (plugin REST decides from its access annotations), applies
 * Jira's XSRF rule to REST writes, and exposes the user through the servlet API and SAL.
 */
public final class SecurityFilter implements Filter {
    /** Session attribute holding the logged-in user's key. */
    public static final String SESSION_USER_KEY = "seraph_defaultauthenticator_user_key";

    /** Content types a cross-site HTML form or simple request can send without a CORS preflight. */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final UserStore users;
    private final LoginThrottle throttle;
    private final CurrentRequest current;
    private final boolean basicAuth;

    /**
     * @param basicAuth whether HTTP Basic credentials are accepted: Jira 10 accepts them by
     *                  default, Jira 11 refuses them by default (sessions and tokens only)
     */
    public SecurityFilter(UserStore users, LoginThrottle throttle, CurrentRequest current, boolean basicAuth) {
        this.users = users;
        this.throttle = throttle;
        this.current = current;
        this.basicAuth = basicAuth;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // As Jira answers every page: never framed by another site, never sniffed into another type.
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = pathInContext(request);
        boolean rest = path.startsWith("/rest/");

        HostUser user = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && !basicAuth) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache, no-store");
            response.getWriter().write("{\"message\":\"Basic authentication is disabled on this instance.\","
                    + "\"status-code\":401}");
            return;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = basicCredentials(authorization.substring(6).trim());
            if (credentials != null && throttle.paused(credentials[0], request.getRemoteAddr()).isPresent()) {
                // As Jira answers Basic auth while a CAPTCHA is required: 403, the password unchecked.
                response.setHeader("X-Seraph-LoginReason", "AUTHENTICATION_DENIED");
                response.setHeader("X-Authentication-Denied-Reason", "too many failed logins; try again later");
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/json;charset=UTF-8");
                response.setHeader("Cache-Control", "no-cache, no-store");
                response.getWriter().write("{\"message\":\"Too many failed logins; try again later.\",\"status-code\":403}");
                return;
            }
            Optional<HostUser> basic = credentials == null ? Optional.empty()
                    : users.authenticate(credentials[0], credentials[1]);
            if (basic.isEmpty()) {
                if (credentials != null) {
                    throttle.failed(credentials[0], request.getRemoteAddr());
                }
                // Jira refuses wrong Basic credentials outright rather than treating the
                // caller as anonymous; no WWW-Authenticate, so browsers show no dialog.
                response.setHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
                unauthorized(response, path);
                return;
            }
            user = basic.get();
            throttle.succeeded(credentials[0]);
        } else {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_USER_KEY) instanceof String key) {
                user = users.byKey(key).filter(HostUser::active).orElse(null);
                if (user == null) {
                    session.invalidate();
                }
            }
        }

        // Jira's own REST answers 401 to anonymous callers here; plugin REST decides per
        // resource method from its access annotations (REST v2's secure-by-default rule).
        boolean jiraRest = path.startsWith("/rest/api/") || path.startsWith("/rest/agile/");
        // Jira answers serverInfo anonymously: clients read the version before they log in.
        boolean anonymousAllowed = path.equals("/rest/api/2/serverInfo") || path.equals("/rest/api/latest/serverInfo");
        if (jiraRest && user == null && !anonymousAllowed) {
            unauthorized(response, path);
            return;
        }
        if (rest && failsXsrfCheck(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("XSRF check failed");
            return;
        }

        if (user != null) {
            request.setAttribute(CurrentRequest.USER_ATTRIBUTE, user);
            response.setHeader("X-AUSERNAME", user.username());
        } else {
            response.setHeader("X-AUSERNAME", "anonymous");
        }
        HttpServletRequest wrapped = user == null ? request : new AuthenticatedRequest(request, user,
                authorization != null ? HttpServletRequest.BASIC_AUTH : HttpServletRequest.FORM_AUTH);
        current.enter(wrapped);
        try {
            chain.doFilter(wrapped, response);
        } finally {
            current.leave();
        }
    }

    /**
     * The Atlassian REST XSRF rule: a state-changing request whose content type a plain HTML
     * form could have sent must carry {@code X-Atlassian-Token: no-check}.
     */
    static boolean failsXsrfCheck(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return false;
        }
        String token = request.getHeader("X-Atlassian-Token");
        if (token != null && (token.equalsIgnoreCase("no-check") || token.equalsIgnoreCase("nocheck"))) {
            return false;
        }
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return FORM_TYPES.contains(mediaType);
    }

    /** User name and password of a Basic {@code Authorization} value, or null if malformed. */
    private static String[] basicCredentials(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static void unauthorized(HttpServletResponse response, String path) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        if (path.startsWith("/rest/api/") || path.startsWith("/rest/agile/")) {
            response.getWriter().write("{\"errorMessages\":[\"You are not authenticated. Authentication required to "
                    + "perform this operation.\"],\"errors\":{}}");
        } else {
            response.getWriter().write("{\"message\":\"Client must be authenticated to access this resource.\","
                    + "\"status-code\":401}");
        }
    }

    static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final HostUser user;
        private final String authType;

        AuthenticatedRequest(HttpServletRequest request, HostUser user, String authType) {
            super(request);
            this.user = user;
            this.authType = authType;
        }

        @Override
        public String getRemoteUser() {
            return user.username();
        }

        @Override
        public Principal getUserPrincipal() {
            return user::username;
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.groups().contains(role);
        }

        @Override
        public String getAuthType() {
            return authType;
        }
    }
}

package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.UserStore;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code /secure/useravatar}: a generated initials avatar, so avatarUrls in REST answers resolve. */
public final class AvatarServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String[] COLOURS = {"#0052CC", "#00875A", "#FF5630", "#6554C0", "#FF991F", "#00B8D9", "#36B37E"};

    private final transient UserStore users;

    public AvatarServlet(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String owner = request.getParameter("ownerId");
        // Anonymous callers get the same anonymous avatar for every key, so the answer does
        // not tell them which user keys exist (issue 10, defect 7) — as Jira shows anonymous
        // users the default avatar. Logged-in users see initials.
        boolean loggedIn = request.getAttribute(CurrentRequest.USER_ATTRIBUTE) != null;
        HostUser user = owner == null || !loggedIn ? null : users.byKey(owner).orElse(null);
        String initials = "?";
        String colour = "#97A0AF";
        if (user != null) {
            StringBuilder letters = new StringBuilder();
            for (String word : user.displayName().trim().split("\\s+")) {
                if (!word.isEmpty() && letters.length() < 2) {
                    letters.appendCodePoint(word.codePointAt(0));
                }
            }
            initials = letters.toString().toUpperCase(Locale.ROOT);
            colour = COLOURS[Math.floorMod(user.key().hashCode(), COLOURS.length)];
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"48\" viewBox=\"0 0 48 48\">"
                + "<circle cx=\"24\" cy=\"24\" r=\"24\" fill=\"" + colour + "\"/>"
                + "<text x=\"24\" y=\"30\" font-family=\"Arial, sans-serif\" font-size=\"18\" fill=\"#fff\" "
                + "text-anchor=\"middle\">" + Html.escape(initials) + "</text></svg>";
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        response.setContentType("image/svg+xml");
        // Private: the answer depends on who asks.
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}

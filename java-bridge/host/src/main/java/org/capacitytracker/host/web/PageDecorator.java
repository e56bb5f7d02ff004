package org.capacitytracker.host.web;

import org.capacitytracker.host.auth.HostUser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's "atl.general" decorator (also serving "atl.admin"), reduced to what a plugin page relies on: AUI and the
 * page's required web resources in the head, Jira's ajs-* meta tags, and an AUI application
 * header with the product name, the current user and a logout link around the page body.
 */
public final class PageDecorator {
    public static final String PRODUCT_NAME = "Capacity Tracker host";

    private static final Pattern DECORATOR_META = Pattern.compile(
            "<meta\\b[^>]*\\bname\\s*=\\s*[\"']decorator[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    /** The decorated page declares its own charset; a second declaration would be invalid. */
    private static final Pattern CHARSET_META = Pattern.compile(
            "<meta\\b[^>]*\\b(charset\\s*=|http-equiv\\s*=\\s*[\"']content-type[\"'])[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title\\b[^>]*>(.*?)</title\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEAD = Pattern.compile("<head\\b[^>]*>(.*?)</head\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body\\b([^>]*)>(.*)</body\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CLASS_ATTR = Pattern.compile("\\bclass\\s*=\\s*(\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    private final String contextPath;
    private final WebResourceRegistry registry;

    public PageDecorator(String contextPath, WebResourceRegistry registry) {
        this.contextPath = contextPath;
        this.registry = registry;
    }

    /**
     * The decorators Jira's SiteMesh knows. A page naming any other gets no decoration at all
     * (no chrome, no AUI, none of its required web resources), as in Jira.
     */
    public static final Set<String> JIRA_DECORATORS = Set.of("atl.general", "atl.admin", "atl.popup", "atl.userprofile");
    private static final Pattern CONTENT_ATTR = Pattern.compile("\\bcontent\\s*=\\s*(\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    /** The decorator the page asks for with {@code <meta name="decorator" content="...">}, or null. */
    public static String requestedDecorator(String html) {
        Matcher meta = DECORATOR_META.matcher(html);
        if (!meta.find()) {
            return null;
        }
        Matcher content = CONTENT_ATTR.matcher(meta.group());
        if (!content.find()) {
            return "";
        }
        return (content.group(2) != null ? content.group(2) : content.group(3)).strip();
    }

    /** Wraps a complete HTML page produced by a plugin servlet. */
    public String decorate(String html, HostUser user, List<String> requiredResources, Collection<String> contexts) {
        String head = group(HEAD, html, 1);
        String title = head == null ? null : group(TITLE, head, 1);
        String headRest = head == null ? "" : CHARSET_META.matcher(
                DECORATOR_META.matcher(TITLE.matcher(head).replaceAll("")).replaceAll("")).replaceAll("");
        Matcher body = BODY.matcher(html);
        String bodyClass = "";
        String bodyHtml;
        if (body.find()) {
            Matcher cls = CLASS_ATTR.matcher(body.group(1));
            if (cls.find()) {
                bodyClass = cls.group(2) != null ? cls.group(2) : cls.group(3);
            }
            bodyHtml = body.group(2);
        } else {
            // No <body>: everything after the head is the body, as SiteMesh would take it.
            int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</head>");
            bodyHtml = end >= 0 ? html.substring(end + "</head>".length()) : html;
        }
        // The title was already HTML in the plugin's page; it is put back as it came.
        return page(title == null ? "" : title.strip(), headRest.strip(), bodyHtml, bodyClass, user, requiredResources,
                contexts, true);
    }

    /** A host page (home, login) in the same chrome; {@code title} is plain text. */
    public String hostPage(String title, String bodyHtml, HostUser user) {
        return page(Html.escape(title), "", bodyHtml, "", user, List.of(), Set.of(), false);
    }

    private String page(String titleHtml, String extraHead, String bodyHtml, String bodyClass, HostUser user,
                        List<String> requiredResources, Collection<String> contexts, boolean pluginPage) {
        List<String> keys = new ArrayList<>();
        keys.add(WebResourceRegistry.AUI_KEY);
        keys.addAll(requiredResources);
        String tags = WebResourceRegistry.tags(contextPath, registry.resolve(keys, contexts));
        StringBuilder out = new StringBuilder(8192 + bodyHtml.length());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n");
        out.append("<title>").append(titleHtml.isEmpty() ? "" : titleHtml + " - ").append(Html.escape(PRODUCT_NAME))
                .append("</title>\n");
        // Jira publishes these for AJS.Meta / AJS.params; plugin scripts read them.
        meta(out, "ajs-context-path", contextPath);
        meta(out, "ajs-remote-user", user == null ? "" : user.username());
        meta(out, "ajs-remote-user-fullname", user == null ? "" : user.displayName());
        meta(out, "ajs-app-title", PRODUCT_NAME);
        meta(out, "application-name", "JIRA");
        out.append(tags);
        if (!extraHead.isEmpty()) {
            out.append(extraHead).append('\n');
        }
        out.append("</head>\n<body id=\"jira\" class=\"aui-layout aui-theme-default page-type-")
                .append(pluginPage ? "plugin" : "host");
        if (!bodyClass.isBlank()) {
            out.append(' ').append(Html.escape(bodyClass));
        }
        out.append("\">\n<div id=\"page\">\n");
        header(out, user);
        out.append("<section id=\"content\" role=\"main\">\n").append(bodyHtml).append("\n</section>\n");
        out.append("<footer id=\"footer\" role=\"contentinfo\"><section class=\"footer-body\">")
                .append("<p>").append(Html.escape(PRODUCT_NAME))
                .append(" &middot; a Jira-compatible plugin host for development and demos</p></section></footer>\n");
        out.append("</div>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header(StringBuilder out, HostUser user) {
        String home = contextPath + "/";
        out.append("<header id=\"header\" role=\"banner\">\n")
                .append("<nav class=\"aui-header aui-dropdown2-trigger-group\" role=\"navigation\" aria-label=\"Site\">\n")
                .append("<div class=\"aui-header-inner\">\n<div class=\"aui-header-primary\">\n")
                .append("<span id=\"logo\" class=\"aui-header-logo aui-header-logo-textonly\"><a href=\"")
                .append(Html.escape(home)).append("\"><span class=\"aui-header-logo-device\">")
                .append(Html.escape(PRODUCT_NAME)).append("</span></a></span>\n");
        if (user != null) {
            out.append("<ul class=\"aui-nav\"><li><a id=\"home_link\" href=\"").append(Html.escape(home))
                    .append("\">Boards</a></li></ul>\n");
        }
        out.append("</div>\n<div class=\"aui-header-secondary\">\n<ul class=\"aui-nav\">\n");
        if (user != null) {
            // A span, not a link (the host has no profile page): AUI styles only header links, so the
            // span borrows their colour and spacing.
            out.append("<li><span id=\"header-details-user-fullname\" class=\"aui-nav-item\" style=\"")
                    .append("color:var(--aui-lf-appheader-text-color);padding:5px 10px;display:flex;align-items:center")
                    .append("\" data-username=\"")
                    .append(Html.escape(user.username())).append("\" data-displayname=\"")
                    .append(Html.escape(user.displayName())).append("\">")
                    .append("<span class=\"aui-icon aui-icon-small aui-iconfont-person\"></span> ")
                    .append(Html.escape(user.displayName())).append("</span></li>\n")
                    .append("<li><a id=\"log_out\" class=\"aui-nav-item\" href=\"")
                    .append(Html.escape(contextPath + "/logout")).append("\">Log out</a></li>\n");
        } else {
            out.append("<li><a id=\"login-link\" class=\"aui-nav-item\" href=\"")
                    .append(Html.escape(contextPath + "/login.jsp")).append("\">Log in</a></li>\n");
        }
        out.append("</ul>\n</div>\n</div>\n</nav>\n</header>\n");
    }

    private static void meta(StringBuilder out, String name, String content) {
        out.append("<meta name=\"").append(Html.escape(name)).append("\" content=\"").append(Html.escape(content))
                .append("\">\n");
    }

    private static String group(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(group) : null;
    }
}

package org.capacitytracker.jira.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Minimal servlet requests and responses for calling resources and servlets directly.
 * Only the methods the plugin uses are answered; any other call fails the test loudly.
 */
public final class FakeHttp {
    private FakeHttp() {
    }

    /** A request built up fluently, then turned into an {@link HttpServletRequest}. */
    public static final class Request {
        private final Map<String, String> headers = new HashMap<>();
        private final Map<String, String> parameters = new HashMap<>();
        private String requestUrl = "http://localhost:2990/jira/plugins/servlet/capacity-tracker";
        private String queryString;
        private String contextPath = "/jira";
        private long contentLength = -1;

        public Request user(String username) {
            headers.put(FakeUsers.HEADER, username);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Request url(String url, String query) {
            requestUrl = url;
            queryString = query;
            return this;
        }

        public Request contextPath(String path) {
            contextPath = path;
            return this;
        }

        public Request contentLength(long length) {
            contentLength = length;
            return this;
        }

        public HttpServletRequest build() {
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getHeader" -> headers.get((String) args[0]);
                        // What the panel sends with every write; header("Content-Type", …) overrides it.
                        case "getContentType" -> headers.getOrDefault("Content-Type", "application/json;charset=UTF-8");
                        case "getParameter" -> parameters.get((String) args[0]);
                        case "getRequestURL" -> new StringBuffer(requestUrl);
                        case "getQueryString" -> queryString;
                        case "getContextPath" -> contextPath;
                        case "getContentLengthLong" -> contentLength;
                        case "getContentLength" -> (int) Math.min(Integer.MAX_VALUE, contentLength);
                        case "getLocale" -> Locale.ENGLISH;
                        case "toString" -> "FakeHttp.Request " + requestUrl;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException("HttpServletRequest." + method.getName());
                    });
        }
    }

    /** What a servlet wrote: status, headers, body, redirect. */
    public static final class Response {
        public int status = 200;
        public String contentType;
        public String redirect;
        public final Map<String, String> headers = new HashMap<>();
        private final StringWriter body = new StringWriter();
        private final PrintWriter writer = new PrintWriter(body);

        public String body() {
            writer.flush();
            return body.toString();
        }

        public HttpServletResponse build() {
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setContentType" -> contentType = (String) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "sendRedirect" -> {
                                status = 302;
                                redirect = (String) args[0];
                            }
                            case "getWriter" -> {
                                return writer;
                            }
                            case "setCharacterEncoding" -> { }
                            case "toString" -> {
                                return "FakeHttp.Response";
                            }
                            case "hashCode" -> {
                                return System.identityHashCode(proxy);
                            }
                            case "equals" -> {
                                return proxy == args[0];
                            }
                            default -> throw new UnsupportedOperationException("HttpServletResponse." + method.getName());
                        }
                        return null;
                    });
        }
    }

    public static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.capacitytracker.host.web;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.directive.Directive;
import org.apache.velocity.runtime.directive.DirectiveConstants;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/**
 * A plugin's {@link TemplateRenderer}, as Jira 10 gives each plugin one: Apache Velocity,
 * templates loaded from the plugin's own class loader (e.g. {@code templates/page.vm} in its
 * jar), and Atlassian's escaping contract:
 * <ul>
 * <li>every reference a template writes ({@code $name}, {@code $a.b}, {@code $a.b()}) is
 *     HTML-escaped ({@code & < > " '});</li>
 * <li>except references whose name ends in {@code Html} ({@code $bodyHtml},
 *     {@code $item.getLinkHtml()}): their value is already HTML;</li>
 * <li>and except in a template that says {@code #disable_html_escaping()} anywhere: nothing in
 *     it is escaped.</li>
 * </ul>
 * <pre>{@code
 * TemplateRenderer r = new VelocityTemplateRenderer(plugin.classLoader());
 * r.render("templates/page.vm", Map.of("title", "<b>"), writer);   // writes &lt;b&gt;
 * }</pre>
 * Thread-safe: one instance serves every request to the plugin.
 */
public final class VelocityTemplateRenderer implements TemplateRenderer {
    /** The opt-out directive of Atlassian's renderer. */
    static final String DISABLE_ESCAPING = "disable_html_escaping";

    private final VelocityEngine engine;
    private final Map<String, Boolean> escapingDisabled = new ConcurrentHashMap<>();

    /** @param pluginClassLoader where the plugin's templates are */
    public VelocityTemplateRenderer(ClassLoader pluginClassLoader) {
        Objects.requireNonNull(pluginClassLoader, "pluginClassLoader");
        engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "plugin");
        engine.setProperty("resource.loader.plugin.instance", new PluginResourceLoader(pluginClassLoader));
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.setProperty(RuntimeConstants.CUSTOM_DIRECTIVES, DisableHtmlEscaping.class.getName());
        engine.init();
    }

    @Override
    public void render(String templateName, Writer writer) throws RenderingException, IOException {
        render(templateName, Map.of(), writer);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer)
            throws RenderingException, IOException {
        Template template;
        try {
            template = engine.getTemplate(templateName, "UTF-8");
        } catch (ResourceNotFoundException e) {
            throw new RenderingException("template " + templateName + " not found in the plugin", e);
        } catch (VelocityException e) {
            throw new RenderingException("template " + templateName + " cannot be parsed: " + e.getMessage(), e);
        }
        boolean escape = !escapingDisabled.computeIfAbsent(templateName, n -> mentions((Node) template.getData()));
        StringWriter out = new StringWriter(2048);
        try {
            template.merge(context(context, escape), out);
        } catch (VelocityException e) {
            throw new RenderingException("template " + templateName + " failed: " + e.getMessage(), e);
        }
        writer.write(out.toString());
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) throws RenderingException {
        StringWriter out = new StringWriter();
        try {
            engine.evaluate(context(context, !fragment.contains("#" + DISABLE_ESCAPING)), out, "fragment", fragment);
        } catch (VelocityException e) {
            throw new RenderingException("fragment failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    @Override
    public boolean resolve(String templateName) {
        return engine.resourceExists(templateName);
    }

    private static VelocityContext context(Map<String, Object> values, boolean escape) {
        VelocityContext context = new VelocityContext(new HashMap<>(values == null ? Map.of() : values));
        if (escape) {
            EventCartridge cartridge = new EventCartridge();
            cartridge.addReferenceInsertionEventHandler(new HtmlEscaper());
            cartridge.attachToContext(context);
        }
        return context;
    }

    /** True when the parsed template contains {@code #disable_html_escaping()}. */
    private static boolean mentions(Node node) {
        if (node == null) {
            return false;
        }
        if (node instanceof ASTDirective directive && DISABLE_ESCAPING.equals(directive.getDirectiveName())) {
            return true;
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            if (mentions(node.jjtGetChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the reference as written ({@code $!{a.bHtml()}}) names a value that is HTML already. */
    static boolean isHtmlReference(String reference) {
        String name = reference;
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        name = name.replace("$", "").replace("!", "").replace("{", "").replace("}", "").strip();
        int dot = name.lastIndexOf('.');
        return (dot >= 0 ? name.substring(dot + 1) : name).endsWith("Html");
    }

    static String escape(String s) {
        return Html.escape(s);
    }

    /** Escapes what a reference inserts, unless its name says it is HTML. */
    static final class HtmlEscaper implements ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            if (value == null || isHtmlReference(reference)) {
                return value;
            }
            return escape(value.toString());
        }
    }

    /** {@code #disable_html_escaping()}: writes nothing; its presence switches escaping off. */
    public static final class DisableHtmlEscaping extends Directive {
        @Override
        public String getName() {
            return DISABLE_ESCAPING;
        }

        @Override
        public int getType() {
            return DirectiveConstants.LINE;
        }

        @Override
        public boolean render(InternalContextAdapter context, Writer writer, Node node) {
            return true;
        }
    }

    /** Reads templates from the plugin's class loader, as Jira reads them from the bundle. */
    static final class PluginResourceLoader extends ResourceLoader {
        private final ClassLoader loader;

        PluginResourceLoader(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public void init(ExtProperties configuration) {
        }

        @Override
        public Reader getResourceReader(String source, String encoding) {
            String name = source.startsWith("/") ? source.substring(1) : source;
            InputStream in = name.contains("..") ? null : loader.getResourceAsStream(name);
            if (in == null) {
                throw new ResourceNotFoundException("no template " + source + " in the plugin");
            }
            return new InputStreamReader(in, Charset.forName(encoding == null ? "UTF-8" : encoding));
        }

        @Override
        public boolean isSourceModified(Resource resource) {
            return false;
        }

        @Override
        public long getLastModified(Resource resource) {
            return 0;
        }
    }
}

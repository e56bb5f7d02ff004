package org.capacitytracker.jira.testing;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/**
 * Jira's TemplateRenderer for the tests: real Velocity reading the plugin's templates from the
 * class path, every reference HTML-escaped unless its name ends in {@code Html}, as Atlassian's
 * renderer does. A template that opts out with {@code #disable_html_escaping()} is refused, so
 * a test notices the plugin leaving the escaping contract.
 */
public final class VelocityTestRenderer implements TemplateRenderer {
    private final VelocityEngine engine = new VelocityEngine();

    public VelocityTestRenderer() {
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "test");
        engine.setProperty("resource.loader.test.instance", new ClassPathLoader());
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.init();
    }

    @Override
    public void render(String templateName, Writer writer) throws IOException {
        render(templateName, Map.of(), writer);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
        try {
            Template template = engine.getTemplate(templateName, "UTF-8");
            StringWriter out = new StringWriter();
            template.merge(escaping(context), out);
            if (out.toString().contains("#disable_html_escaping")) {
                throw new AssertionError(templateName + " switches HTML escaping off");
            }
            writer.write(out.toString());
        } catch (VelocityException e) {
            throw new RenderingException(templateName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        engine.evaluate(escaping(context), out, "fragment", fragment);
        return out.toString();
    }

    @Override
    public boolean resolve(String templateName) {
        return engine.resourceExists(templateName);
    }

    private static VelocityContext escaping(Map<String, Object> values) {
        VelocityContext context = new VelocityContext(new HashMap<>(values));
        EventCartridge cartridge = new EventCartridge();
        cartridge.addReferenceInsertionEventHandler((ReferenceInsertionEventHandler) (ctx, reference, value) -> {
            String name = reference.replaceAll("\\(.*$", "").replaceAll("[${}!]", "");
            return value == null || name.endsWith("Html") ? value : Html.escape(value.toString());
        });
        cartridge.attachToContext(context);
        return context;
    }

    private static final class ClassPathLoader extends ResourceLoader {
        @Override
        public void init(ExtProperties configuration) {
        }

        @Override
        public Reader getResourceReader(String source, String encoding) {
            InputStream in = VelocityTestRenderer.class.getClassLoader().getResourceAsStream(source);
            if (in == null) {
                throw new ResourceNotFoundException(source);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
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

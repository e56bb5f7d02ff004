package org.capacitytracker.host.plugin.spring;

import org.osgi.framework.BundleContext;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.xml.AbstractSingleBeanDefinitionParser;
import org.springframework.beans.factory.xml.NamespaceHandlerSupport;
import org.springframework.beans.factory.xml.ParserContext;
import org.w3c.dom.Element;

import java.util.Set;

/**
 * The OSGi namespace of a plugin's Spring files, as Jira's Spring/OSGi extender reads it
 * (Gemini Blueprint's, and the older Spring DM one): {@code <osgi:reference>} imports a
 * host service, {@code <osgi:service>} exports a bean. One handler per plugin, bound to its
 * bundle.
 */
public final class OsgiNamespaceHandler extends NamespaceHandlerSupport {
    /** The namespace URIs handled, Gemini Blueprint's first. */
    public static final Set<String> NAMESPACES = Set.of(
            "http://www.eclipse.org/gemini/blueprint/schema/blueprint",
            "http://www.springframework.org/schema/osgi");

    private final BundleContext bundleContext;

    public OsgiNamespaceHandler(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public void init() {
        registerBeanDefinitionParser("reference", new AbstractSingleBeanDefinitionParser() {
            @Override
            protected Class<?> getBeanClass(Element element) {
                return OsgiServiceReference.class;
            }

            @Override
            protected void doParse(Element element, ParserContext parserContext, BeanDefinitionBuilder builder) {
                builder.addConstructorArgValue(bundleContext);
                builder.addConstructorArgValue(element.getAttribute("interface"));
                builder.addConstructorArgValue(element.getAttribute("filter"));
                builder.addConstructorArgValue(element.getAttribute("id"));
                builder.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
            }
        });
        registerBeanDefinitionParser("service", new AbstractSingleBeanDefinitionParser() {
            @Override
            protected Class<?> getBeanClass(Element element) {
                return OsgiServiceExport.class;
            }

            @Override
            protected boolean shouldGenerateIdAsFallback() {
                return true;
            }

            @Override
            protected void doParse(Element element, ParserContext parserContext, BeanDefinitionBuilder builder) {
                builder.addConstructorArgValue(bundleContext);
                builder.addConstructorArgValue(element.getAttribute("ref"));
                builder.addConstructorArgValue(element.getAttribute("interface"));
                builder.addDependsOn(element.getAttribute("ref"));
            }
        });
    }
}

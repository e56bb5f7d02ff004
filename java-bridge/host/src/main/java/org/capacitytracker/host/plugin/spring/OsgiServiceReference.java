package org.capacitytracker.host.plugin.spring;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartFactoryBean;

/**
 * The bean behind {@code <osgi:reference id interface [filter]>}: the host service published
 * under that interface name, seen through the plugin's own class loader. The interface must
 * be loadable by the plugin (its package imported and exported by Jira), and a service must be
 * published: Jira's extender waits for a missing mandatory service and then fails to enable
 * the plugin; this host fails at once, with the same cause.
 */
public final class OsgiServiceReference implements SmartFactoryBean<Object>, DisposableBean {
    private final BundleContext bundleContext;
    private final String interfaceName;
    private final String filter;
    private final String beanName;
    private ServiceReference<?> reference;

    public OsgiServiceReference(BundleContext bundleContext, String interfaceName, String filter, String beanName) {
        this.bundleContext = bundleContext;
        this.interfaceName = interfaceName;
        this.filter = filter == null || filter.isBlank() ? null : filter;
        this.beanName = beanName;
    }

    @Override
    public Class<?> getObjectType() {
        try {
            return bundleContext.getBundle().loadClass(interfaceName);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Override
    public synchronized Object getObject() {
        Class<?> type;
        try {
            type = bundleContext.getBundle().loadClass(interfaceName);
        } catch (ClassNotFoundException e) {
            throw new BeanCreationException(beanName, "<osgi:reference> of " + interfaceName
                    + ": the plugin cannot load that interface (its package is not in the bundle's Import-Package,"
                    + " or Jira does not export it)", e);
        }
        if (reference == null) {
            ServiceReference<?>[] found;
            try {
                found = bundleContext.getServiceReferences(interfaceName, filter);
            } catch (InvalidSyntaxException e) {
                throw new BeanCreationException(beanName, "<osgi:reference> of " + interfaceName + ": bad filter "
                        + filter + ": " + e.getMessage(), e);
            }
            if ((found == null || found.length == 0) && publishedForAnotherCopy()) {
                // OSGi hides a service whose interface class differs from the importer's: the
                // plugin bundles its own copy of that interface instead of importing it.
                throw new BeanCreationException(beanName, "<osgi:reference> of " + interfaceName
                        + ": a service is published under that name, but the plugin sees another copy of that interface"
                        + " (it bundles the class instead of importing its package from the plugin that exports it);"
                        + " Jira would wait for a matching service and then fail to enable the plugin");
            }
            if (found == null || found.length == 0) {
                throw new BeanCreationException(beanName, "<osgi:reference> of " + interfaceName
                        + ": no such service is published by this host" + (filter == null ? "" : " matching " + filter)
                        + " (Jira would wait for it and then fail to enable the plugin)");
            }
            reference = found[0];
        }
        Object service = bundleContext.getService(reference);
        if (service == null || !type.isInstance(service)) {
            throw new BeanCreationException(beanName, "<osgi:reference> of " + interfaceName
                    + ": the published service is not an instance of the plugin's " + interfaceName
                    + " (the plugin sees another copy of that interface: bundle it out of the jar and import it)");
        }
        return service;
    }

    private boolean publishedForAnotherCopy() {
        try {
            ServiceReference<?>[] all = bundleContext.getAllServiceReferences(interfaceName, filter);
            return all != null && all.length > 0;
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    /** Mandatory references are bound when the context starts, as the extender binds them. */
    @Override
    public boolean isEagerInit() {
        return true;
    }

    @Override
    public synchronized void destroy() {
        if (reference != null) {
            try {
                bundleContext.ungetService(reference);
            } catch (IllegalStateException e) {
                // The bundle is already stopping; its services are released with it.
            }
            reference = null;
        }
    }
}

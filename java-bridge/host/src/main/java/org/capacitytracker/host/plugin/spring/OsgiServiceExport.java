package org.capacitytracker.host.plugin.spring;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * {@code <osgi:service ref interface>}: publishes one of the plugin's beans in the service
 * registry, so other plugins can import it; withdrawn when the plugin stops.
 */
public final class OsgiServiceExport implements InitializingBean, DisposableBean, BeanFactoryAware {
    private final BundleContext bundleContext;
    private final String ref;
    private final String interfaceName;
    private BeanFactory beanFactory;
    private ServiceRegistration<?> registration;

    public OsgiServiceExport(BundleContext bundleContext, String ref, String interfaceName) {
        this.bundleContext = bundleContext;
        this.ref = ref;
        this.interfaceName = interfaceName;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /**
     * Publishes the bean. Jira's extender hands importers a proxy of the named interface, so
     * the name must be an interface the plugin can load and the bean must implement it; a
     * class, or a bean of another type, fails the plugin here as it fails in Jira.
     */
    @Override
    public void afterPropertiesSet() {
        Class<?> type;
        try {
            type = bundleContext.getBundle().loadClass(interfaceName);
        } catch (ClassNotFoundException e) {
            throw new org.springframework.beans.factory.BeanCreationException(ref, "<osgi:service> of " + interfaceName
                    + ": the plugin cannot load that interface", e);
        }
        if (!type.isInterface()) {
            throw new org.springframework.beans.factory.BeanCreationException(ref, "<osgi:service> of " + interfaceName
                    + ": not an interface. Jira publishes services by interface (importers get a proxy of it)");
        }
        Object bean = beanFactory.getBean(ref);
        if (!type.isInstance(bean)) {
            throw new org.springframework.beans.factory.BeanCreationException(ref, "<osgi:service> of " + interfaceName
                    + ": the bean " + ref + " (" + bean.getClass().getName() + ") does not implement it");
        }
        registration = bundleContext.registerService(interfaceName, bean, null);
    }

    @Override
    public void destroy() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // Already withdrawn with the stopping bundle.
            }
            registration = null;
        }
    }
}

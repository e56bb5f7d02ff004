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

    @Override
    public void afterPropertiesSet() {
        Object bean = beanFactory.getBean(ref);
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

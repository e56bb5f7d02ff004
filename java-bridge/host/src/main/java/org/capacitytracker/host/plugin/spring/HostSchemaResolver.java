package org.capacitytracker.host.plugin.spring;

import org.springframework.beans.factory.xml.DelegatingEntityResolver;
import org.xml.sax.EntityResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Resolves every schema a plugin's Spring files name from the host's own jars, never from
 * the network: Spring's schemas through its {@code META-INF/spring.schemas}, the OSGi
 * namespace from the host's schema of what it implements. An unknown schema is an error, as
 * it is for Jira, which has no network to fetch it from either.
 */
final class HostSchemaResolver implements EntityResolver {
    private static final String OSGI_XSD = "/org/capacitytracker/host/platform/osgi-namespace.xsd";
    private final EntityResolver spring;

    HostSchemaResolver(ClassLoader hostLoader) {
        this.spring = new DelegatingEntityResolver(hostLoader);
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException, IOException {
        if (systemId == null) {
            return null;
        }
        for (String namespace : OsgiNamespaceHandler.NAMESPACES) {
            if (systemId.startsWith(namespace + "/") && systemId.endsWith(".xsd")) {
                return osgiSchema(namespace, systemId);
            }
        }
        InputSource source = spring.resolveEntity(publicId, systemId);
        if (source == null) {
            throw new SAXException("Unknown schema " + systemId + ": neither Spring nor the OSGi namespace provides it,"
                    + " and plugins' schemas are never fetched from the network");
        }
        return source;
    }

    private static InputSource osgiSchema(String namespace, String systemId) throws IOException {
        try (InputStream in = HostSchemaResolver.class.getResourceAsStream(OSGI_XSD)) {
            if (in == null) {
                throw new IOException(OSGI_XSD + " is missing from the host jar");
            }
            String xsd = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@NAMESPACE@", namespace);
            InputSource source = new InputSource(new StringReader(xsd));
            source.setSystemId(systemId);
            return source;
        }
    }
}

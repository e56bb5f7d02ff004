package org.capacitytracker.host.plugin;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a transformerless plugin's {@code META-INF/spring/*.xml} that declares its
 * components: {@code <osgi:reference>} imports of host services and {@code <bean>}s with
 * constructor arguments, init and destroy methods.
 */
record SpringContext(List<Reference> references, List<Bean> beans) {

    record Reference(String id, String interfaceName) {
    }

    /** One constructor argument: a reference to another bean or import, or a literal value. */
    record Arg(String ref, String value) {
    }

    record Bean(String id, String className, List<Arg> args, String initMethod, String destroyMethod,
                boolean autowireConstructor) {
    }

    static SpringContext parse(InputStream in, String file) throws PluginLoadException {
        Document doc = Xml.parse(in, file);
        Element root = doc.getDocumentElement();
        List<Reference> references = new ArrayList<>();
        List<Bean> beans = new ArrayList<>();
        for (Element e : Xml.children(root)) {
            String where = file + " <" + Xml.localName(e) + ">";
            switch (Xml.localName(e)) {
                case "reference" -> references.add(new Reference(Xml.required(e, "id", where),
                        Xml.required(e, "interface", where)));
                case "bean" -> {
                    List<Arg> args = new ArrayList<>();
                    for (Element a : Xml.children(e, "constructor-arg")) {
                        if (Xml.attr(a, "index") != null || Xml.attr(a, "name") != null) {
                            // Arguments are taken in document order; say so instead of misreading.
                            if (Xml.attr(a, "index") != null && !a.getAttribute("index").equals(Integer.toString(args.size()))) {
                                throw new PluginLoadException(where + ": constructor-arg index must follow document order");
                            }
                        }
                        String ref = Xml.attr(a, "ref");
                        String value = Xml.attr(a, "value");
                        if (ref == null && value == null) {
                            List<Element> refs = Xml.children(a, "ref");
                            if (!refs.isEmpty()) {
                                ref = Xml.attr(refs.get(0), "bean");
                            }
                            List<Element> values = Xml.children(a, "value");
                            if (!values.isEmpty()) {
                                value = values.get(0).getTextContent();
                            }
                        }
                        if (ref == null && value == null) {
                            throw new PluginLoadException(where + ": constructor-arg needs a ref or a value");
                        }
                        args.add(new Arg(ref, value));
                    }
                    if (!Xml.children(e, "property").isEmpty()) {
                        throw new PluginLoadException(where + " " + Xml.attr(e, "id")
                                + ": <property> injection is not supported by this host; use constructor-arg");
                    }
                    beans.add(new Bean(Xml.required(e, "id", where), Xml.required(e, "class", where), List.copyOf(args),
                            Xml.attr(e, "init-method"), Xml.attr(e, "destroy-method"),
                            "constructor".equals(Xml.attr(e, "autowire"))));
                }
                default -> {
                    // Other elements (aliases, scanners, ...) declare nothing this host acts on.
                }
            }
        }
        return new SpringContext(List.copyOf(references), List.copyOf(beans));
    }
}

package io.camelhalo.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the catalog is made of, read from the classpath the way Camel's own catalog finds components: the component
 * names camel-halo lists in {@code META-INF/services/org/apache/camel/component.properties}, each name's class in its
 * service file and the JSON camel-package-maven-plugin writes beside that class's package; the Kamelets are every
 * {@code kamelets/*.kamelet.yaml} of camel-halo-kamelets.
 */
final class HaloCatalogSources {

    static final String COMPONENT_LIST = "META-INF/services/org/apache/camel/component.properties";
    static final String COMPONENT_SERVICE = "META-INF/services/org/apache/camel/component/";
    static final String KAMELET_SUFFIX = ".kamelet.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HaloCatalogSources() {
    }

    /** The Camel catalog JSON of each component camel-halo ships, by scheme, in the order camel-halo lists them. */
    static Map<String, ObjectNode> components(ClassLoader loader) {
        Map<String, ObjectNode> answer = new LinkedHashMap<>();
        for (URL list : resources(loader, COMPONENT_LIST)) {
            Properties listed = properties(list);
            if (!"camel-halo".equals(listed.getProperty("artifactId"))) {
                continue;
            }
            for (String scheme : listed.getProperty("components", "").trim().split("\\s+")) {
                String className = properties(required(loader, COMPONENT_SERVICE + scheme)).getProperty("class");
                String json = "META-INF/" + className.substring(0, className.lastIndexOf('.')).replace('.', '/') + "/"
                              + scheme + ".json";
                answer.put(scheme, (ObjectNode) readJson(required(loader, json)));
            }
        }
        if (answer.isEmpty()) {
            throw new IllegalStateException(
                    "No camel-halo " + COMPONENT_LIST + " on the classpath: camel-halo's jar is needed");
        }
        return answer;
    }

    /** Every Kamelet YAML on the classpath under {@code kamelets/}, by file name, sorted. */
    static Map<String, String> kamelets(ClassLoader loader) {
        Map<String, String> answer = new TreeMap<>();
        for (URL folder : resources(loader, "kamelets")) {
            withFolder(folder, path -> {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(KAMELET_SUFFIX)).toList()) {
                        answer.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            });
        }
        if (answer.isEmpty()) {
            throw new IllegalStateException(
                    "No kamelets/*" + KAMELET_SUFFIX + " on the classpath: camel-halo-kamelets' jar is needed");
        }
        return answer;
    }

    private interface FolderReader {
        void read(Path folder) throws IOException;
    }

    private static void withFolder(URL folder, FolderReader reader) {
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    reader.read(jar.getPath("kamelets"));
                }
            } else {
                reader.read(Path.of(uri));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Iterable<URL> resources(ClassLoader loader, String name) {
        try {
            Enumeration<URL> found = loader.getResources(name);
            return Collections.list(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL required(ClassLoader loader, String name) {
        URL url = loader.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Missing " + name + " on the classpath");
        }
        return url;
    }

    private static Properties properties(URL url) {
        Properties answer = new Properties();
        try (InputStream in = url.openStream()) {
            answer.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer;
    }

    private static Object readJson(URL url) {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.camelhalo.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Quarkus build of an application with camel-quarkus-halo (and camel-halo-email) produces what a native image needs.
 * A native build cannot run here, so a build step of the test records the build items the extension contributed (in a
 * generated resource) and the tests read that record.
 */
class HaloProcessorTest {

    private static final String RECORD = "halo-build-items.txt";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .addBuildChainCustomizer(recordBuildItems());

    /** Writes one line per build item: its kind, a space, what it declares. */
    private static Consumer<BuildChainBuilder> recordBuildItems() {
        return chain -> chain.addBuildStep(context -> {
            List<String> lines = new ArrayList<>();
            context.consumeMulti(FeatureBuildItem.class).forEach(f -> lines.add("feature " + f.getName()));
            context.consumeMulti(ExtensionSslNativeSupportBuildItem.class).forEach(s -> lines.add("ssl " + s.getExtension()));
            context.consumeMulti(IndexDependencyBuildItem.class)
                    .forEach(i -> lines.add("index " + i.getGroupId() + ":" + i.getArtifactId()));
            context.consumeMulti(NativeImageResourceBuildItem.class)
                    .forEach(r -> r.getResources().forEach(name -> lines.add("resource " + name)));
            context.consumeMulti(ReflectiveClassBuildItem.class).forEach(r -> r.getClassNames().forEach(
                    name -> lines
                            .add("reflective " + name + (r.isMethods() ? " methods" : "") + (r.isFields() ? " fields" : ""))));
            context.consumeMulti(ServiceProviderBuildItem.class).forEach(
                    p -> p.providers().forEach(provider -> lines.add("service " + p.serviceDescriptorFile() + " " + provider)));
            context.consumeMulti(RuntimeInitializedClassBuildItem.class)
                    .forEach(r -> lines.add("runtime-initialized " + r.getClassName()));
            context.produce(new GeneratedResourceBuildItem(RECORD, String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        }).consumes(FeatureBuildItem.class)
                .consumes(ExtensionSslNativeSupportBuildItem.class)
                .consumes(IndexDependencyBuildItem.class)
                .consumes(NativeImageResourceBuildItem.class)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(RuntimeInitializedClassBuildItem.class)
                .consumes(ServiceProviderBuildItem.class)
                .produces(GeneratedResourceBuildItem.class)
                .build();
    }

    /** What the build declared for camel-halo: for a failure's message, which the whole record would drown. */
    private static List<String> recordedForHalo() throws IOException {
        return recorded().stream().filter(line -> line.contains("camelhalo")).toList();
    }

    private static List<String> recorded() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RECORD)) {
            assertNotNull(in, RECORD + " was not generated: the recording build step did not run");
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void theFeatureAndSslNativeSupportAreDeclared() throws IOException {
        assertTrue(recorded().contains("feature camel-halo"), recorded().toString());
        assertTrue(recorded().contains("ssl camel-halo"), "Halo is reached over HTTPS: " + recorded());
    }

    @Test
    void camelHaloIsIndexedAndCamelHaloEmailIsNot() throws IOException {
        assertTrue(recorded().contains("index io.camelhalo:camel-halo"), recorded().toString());
        assertFalse(recorded().contains("index io.camelhalo:camel-halo-email"),
                "indexed, its route template would be added to every application with the jar");
    }

    @Test
    void everyResourceCamelHaloReadsAtRunTimeIsANativeResource() throws IOException {
        // read from camel-halo's jar, so that a resource added there and not declared fails here
        List<String> runTime = camelHaloEntries().stream()
                .filter(name -> !name.endsWith("/") && !name.endsWith(".class"))
                .filter(name -> name.startsWith("io/camelhalo/") || name.startsWith("META-INF/") && name.endsWith(".json"))
                .toList();
        assertTrue(runTime.contains("io/camelhalo/component/halo/apipath/halo-api-paths.txt"), runTime.toString());
        assertTrue(runTime.contains("META-INF/io/camelhalo/component/halo/apipath/halo-api.json"), runTime.toString());
        for (String resource : runTime) {
            assertTrue(recorded().contains("resource " + resource), resource + " in " + recordedForHalo());
        }
    }

    @Test
    void camelHalosSpanDecoratorsAreDeclaredServiceProvidersWhenTheApplicationTraces() throws IOException {
        String file = "META-INF/services/org.apache.camel.telemetry.SpanDecorator";
        List<String> decorators = camelHaloEntryLines(file);
        assertTrue(decorators.contains("io.camelhalo.component.halo.tracing.HaloApiSpanDecorator"), decorators.toString());
        for (String decorator : decorators) {
            assertTrue(recorded().contains("service " + file + " " + decorator),
                    decorator + " in " + recordedForHalo());
            assertClassExists(decorator);
        }
    }

    /** The entries of camel-halo's jar (or classes directory, in a build that stops before packaging). */
    private static List<String> camelHaloEntries() throws IOException {
        Path root = camelHaloRoot();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .toList();
            }
        }
        try (JarFile jar = new JarFile(root.toFile())) {
            return jar.stream().map(JarEntry::getName).toList();
        }
    }

    private static List<String> camelHaloEntryLines(String name) throws IOException {
        Path root = camelHaloRoot();
        String text;
        if (Files.isDirectory(root)) {
            text = Files.readString(root.resolve(name));
        } else {
            try (JarFile jar = new JarFile(root.toFile()); InputStream in = jar.getInputStream(jar.getEntry(name))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return text.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Where camel-halo's classes are: found from a resource only camel-halo has. */
    private static Path camelHaloRoot() {
        String marker = "META-INF/io/camelhalo/component/halo/halo.json";
        URL url = Thread.currentThread().getContextClassLoader().getResource(marker);
        assertNotNull(url, marker);
        String spec = url.toString();
        try {
            if (spec.startsWith("jar:")) {
                return Path.of(new URI(spec.substring("jar:".length(), spec.indexOf("!/"))));
            }
            Path root = Path.of(url.toURI());
            for (int segments = marker.split("/").length; segments > 0; segments--) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException e) {
            throw new AssertionError(spec, e);
        }
    }

    @Test
    void theBeansUsersNameByClassAreReflectiveWithTheirMethods() throws IOException {
        for (String bean : List.of("io.camelhalo.component.halo.lookup.HaloFindByEmail",
                "io.camelhalo.component.halo.state.JdbcStateRepository",
                "io.camelhalo.component.halo.state.JdbcRateBudget",
                "io.camelhalo.email.HaloEmailToTicket",
                "io.camelhalo.email.EmailToTicketTemplate")) {
            assertTrue(recorded().contains("reflective " + bean + " methods"), bean + " in " + recorded());
            assertClassExists(bean);
        }
    }

    @Test
    void halosJacksonBoundTypesAreReflectiveWithTheirFields() throws IOException {
        String progress = "io.camelhalo.component.halo.poll.PollProgress";
        assertTrue(recorded().contains("reflective " + progress + " fields"), recorded().toString());
        assertClassExists(progress);
    }

    @Test
    void theRefreshTokenStoreIsInitializedWhenTheApplicationStarts() throws IOException {
        String store = "io.camelhalo.component.halo.auth.RefreshTokenStore";
        assertTrue(recorded().contains("runtime-initialized " + store), recorded().toString());
        assertClassExists(store);
    }

    private static void assertClassExists(String name) {
        try {
            Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is declared but does not exist: a stale name", e);
        }
    }
}

package io.camelhalo.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
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
            context.consumeMulti(RuntimeInitializedClassBuildItem.class)
                    .forEach(r -> lines.add("runtime-initialized " + r.getClassName()));
            context.produce(new GeneratedResourceBuildItem(RECORD, String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        }).consumes(FeatureBuildItem.class)
                .consumes(ExtensionSslNativeSupportBuildItem.class)
                .consumes(IndexDependencyBuildItem.class)
                .consumes(NativeImageResourceBuildItem.class)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(RuntimeInitializedClassBuildItem.class)
                .produces(GeneratedResourceBuildItem.class)
                .build();
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
    void theQueryParameterFileAndTheJsonMetadataAreNativeResourcesThatExist() throws IOException {
        List<String> resources = List.of(
                "io/camelhalo/component/halo/api/halo-query-parameters.properties",
                "META-INF/io/camelhalo/component/halo/halo.json",
                "META-INF/io/camelhalo/component/halo/poll/halo-poll.json",
                "META-INF/io/camelhalo/component/halo/webhook/halo-webhook.json",
                "META-INF/org/apache/camel/dev-console/halo.json");
        for (String resource : resources) {
            assertTrue(recorded().contains("resource " + resource), resource + " in " + recorded());
            assertNotNull(Thread.currentThread().getContextClassLoader().getResource(resource),
                    resource + " is declared but not in camel-halo's jar: a stale name");
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

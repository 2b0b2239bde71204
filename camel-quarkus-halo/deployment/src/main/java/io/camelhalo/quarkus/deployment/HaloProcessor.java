package io.camelhalo.quarkus.deployment;

import java.util.List;

import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;

/**
 * What a Quarkus application using camel-halo must declare to run as a native image: Halo is reached over HTTPS, a few
 * resources are read at run time, and some classes are created or read by name (by Camel's bean binding or Jackson).
 */
class HaloProcessor {

    static final String FEATURE = "camel-halo";

    /**
     * Read at run time: by {@code api/HaloQuery}, the query parameters Halo's API description declares; by
     * {@code apipath/HaloApiPaths}, the description's paths, methods and parameters (halo-api).
     */
    static final List<String> DATA = List.of(
            "io/camelhalo/component/halo/api/halo-query-parameters.properties",
            "io/camelhalo/component/halo/apipath/halo-api-paths.txt");

    /** The components' and the dev console's JSON metadata, read by Camel's catalog and tooling at run time. */
    static final List<String> JSON_METADATA = List.of(
            "META-INF/io/camelhalo/component/halo/halo.json",
            "META-INF/io/camelhalo/component/halo/apipath/halo-api.json",
            "META-INF/io/camelhalo/component/halo/poll/halo-poll.json",
            "META-INF/io/camelhalo/component/halo/webhook/halo-webhook.json",
            "META-INF/org/apache/camel/dev-console/halo.json");

    /**
     * Beans users name by class ({@code #class:...} in a route or Kamelet, {@code camel.main.routes-builder-classes}):
     * created, configured and called by reflection.
     */
    static final List<String> BEANS_BY_CLASS = List.of(
            "io.camelhalo.component.halo.lookup.HaloFindByEmail",
            "io.camelhalo.component.halo.state.JdbcStateRepository",
            "io.camelhalo.component.halo.state.JdbcRateBudget");

    /** The same, from camel-halo-email, when an application has it beside this extension. */
    static final List<String> EMAIL_BEANS_BY_CLASS = List.of(
            "io.camelhalo.email.HaloEmailToTicket",
            "io.camelhalo.email.EmailToTicketTemplate");

    /** Read and written by Jackson through its fields: halo-poll's progress in a state repository. */
    static final List<String> JACKSON_BOUND = List.of("io.camelhalo.component.halo.poll.PollProgress");

    /** Holds a SecureRandom, which must be seeded when the application starts, not when the image is built. */
    static final String RUNTIME_INITIALIZED = "io.camelhalo.component.halo.auth.RefreshTokenStore";

    /** The service camel-telemetry loads decorators for, camel-halo's among them. */
    static final String SPAN_DECORATOR = "org.apache.camel.telemetry.SpanDecorator";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    ExtensionSslNativeSupportBuildItem activateSslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /**
     * camel-halo in the application's index, for Camel Quarkus's build steps. camel-halo-email is not indexed: Camel
     * Quarkus would then add its route template to every application that has the jar, named or not.
     */
    @BuildStep
    IndexDependencyBuildItem indexDependency() {
        return new IndexDependencyBuildItem("io.camelhalo", "camel-halo");
    }

    @BuildStep
    void nativeResources(BuildProducer<NativeImageResourceBuildItem> resources) {
        resources.produce(new NativeImageResourceBuildItem(DATA));
        resources.produce(new NativeImageResourceBuildItem(JSON_METADATA));
    }

    @BuildStep
    void reflectiveClasses(BuildProducer<ReflectiveClassBuildItem> reflective) {
        reflective.produce(ReflectiveClassBuildItem.builder(BEANS_BY_CLASS.toArray(String[]::new)).methods().build());
        String[] email = EMAIL_BEANS_BY_CLASS.stream().filter(QuarkusClassLoader::isClassPresentAtRuntime)
                .toArray(String[]::new);
        if (email.length > 0) {
            reflective.produce(ReflectiveClassBuildItem.builder(email).methods().build());
        }
        reflective.produce(ReflectiveClassBuildItem.builder(JACKSON_BOUND.toArray(String[]::new)).fields().build());
    }

    /**
     * camel-halo's span decorators (its {@code META-INF/services} file), which camel-telemetry finds with a
     * {@link java.util.ServiceLoader}: declared only when the application traces, since they extend camel-telemetry's
     * classes.
     */
    @BuildStep
    void spanDecorators(BuildProducer<ServiceProviderBuildItem> services) {
        if (QuarkusClassLoader.isClassPresentAtRuntime(SPAN_DECORATOR)) {
            services.produce(ServiceProviderBuildItem.allProvidersFromClassPath(SPAN_DECORATOR));
        }
    }

    @BuildStep
    RuntimeInitializedClassBuildItem runtimeInitializedClasses() {
        return new RuntimeInitializedClassBuildItem(RUNTIME_INITIALIZED);
    }
}

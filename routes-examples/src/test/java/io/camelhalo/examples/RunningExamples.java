package io.camelhalo.examples;

import java.nio.file.Path;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The example app as the demo runs it (embedded sandbox, embedded mail server, temporary work folder, free HTTP port),
 * but without the demo driver: the test plays the outside world itself.
 */
public final class RunningExamples implements AutoCloseable {

    final HaloTarget target;
    final Main main;

    private RunningExamples(HaloTarget target, Main main) {
        this.target = target;
        this.main = main;
    }

    public static RunningExamples start() throws Exception {
        return start(Map.of());
    }

    /** @param overrides extra properties, e.g. another email policy */
    public static RunningExamples start(Map<String, String> overrides) throws Exception {
        HaloTarget target = HaloTarget.fromEnvironment(Map.of());
        try {
            Main main = ExamplesApplication.newMain(target);
            overrides.forEach(main::addOverrideProperty);
            main.start();
            return new RunningExamples(target, main);
        } catch (Exception e) {
            target.close();
            throw e;
        }
    }

    public HaloSandbox halo() {
        return target.sandbox();
    }

    public DemoMailServer mail() {
        return target.mail();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ProducerTemplate producer() {
        return context().createProducerTemplate();
    }

    public String property(String name) {
        return context().resolvePropertyPlaceholders("{{" + name + "}}");
    }

    public Path dir(String property) {
        return Path.of(property(property));
    }

    @Override
    public void close() throws Exception {
        try {
            main.stop();
        } finally {
            target.close();
        }
    }
}

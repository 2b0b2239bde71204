package io.camelhalo.sandbox;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails a test class during which any sandbox received a request outside Halo's API description. Registered for every
 * test through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and surefire's
 * {@code junit.jupiter.extensions.autodetection.enabled=true} (root pom), so a test need not do anything to be checked.
 */
public final class ConformanceExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getTestClass().map(c -> AnnotationSupport.isAnnotated(c, Nested.class)).orElse(false)) {
            return; // a @Nested class: its outer class reports
        }
        List<Violation> violations = SandboxViolations.takeAll();
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    violations.size() + " request(s) to the Halo sandbox are outside Halo's API"
                                     + " description (see halo-sandbox's halo-openapi/README.md; a deliberate exception belongs in"
                                     + " spec-exceptions.json with its evidence):\n  "
                                     + violations.stream().map(Violation::toString).distinct()
                                             .collect(Collectors.joining("\n  ")));
        }
    }
}

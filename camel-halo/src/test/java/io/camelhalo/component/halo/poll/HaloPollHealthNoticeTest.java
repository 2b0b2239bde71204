package io.camelhalo.component.halo.poll;

import java.util.Collection;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a poll works around on a tenant is in its consumer health check, which stays UP while it delivers. */
class HaloPollHealthNoticeTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    @Test
    void aTenantIgnoringTheUpdatedSinceFilterIsNamedInTheHealthDetails() throws Exception {
        // given a tenant that ignores lastupdatefromdate, and a halo-poll route with Camel Main's consumer checks
        HaloSandbox sandbox = halo.sandbox();
        sandbox.setModes(TenantMode.UPDATED_FILTER_IGNORED);
        CamelContext context = halo.newContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full");
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(registry.resolveById("consumers"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:clients?initialDelay=0&delay=100").routeId("poll").to("mock:changes");
            }
        });
        context.start();

        // when it polls, then its check says what Halo ignores, and stays UP: every change is still delivered
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> details(context).containsKey(HaloPollHealthCheck.NOTICES)
                        && check(context).getState() == HealthCheck.State.UP);
        String notices = String.valueOf(details(context).get(HaloPollHealthCheck.NOTICES));
        assertTrue(notices.contains("lastupdatefromdate"), notices);
        assertEquals(HealthCheck.State.UP, check(context).getState());
    }

    private static HealthCheck.Result check(CamelContext context) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        return results.stream().filter(r -> r.getCheck().getId().equals("consumer:poll")).findFirst().orElseThrow();
    }

    private static java.util.Map<String, Object> details(CamelContext context) {
        return check(context).getDetails();
    }
}

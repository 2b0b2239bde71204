package io.camelhalo.examples;

import java.io.File;

import io.camelhalo.examples.lookup.HaloCalls;
import io.camelhalo.examples.projects.ExistingFollowUps;
import io.camelhalo.examples.requests.RequestApiKey;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The beans the example routes share (by these names in YAML and Java) and the HTTP server of the request route.
 */
public class ExamplesConfiguration implements CamelConfiguration {

    // one instance, whichever bean Camel binds first
    private HaloCalls halo;

    @BindToRegistry("haloCalls")
    public synchronized HaloCalls haloCalls(CamelContext context) {
        if (halo == null) {
            halo = new HaloCalls(context);
        }
        return halo;
    }

    /** Project changes already turned into follow-up tickets, kept in a file so a restart does not repeat one. */
    @BindToRegistry("projectChangesSeen")
    public IdempotentRepository projectChangesSeen(CamelContext context) {
        return FileIdempotentRepository.fileIdempotentRepository(
                new File(context.resolvePropertyPlaceholders("{{halo.projects.processed-changes-file}}")), 10_000);
    }

    /** How far the project poll got, kept in a file so a restart delivers again what a crash cut short. */
    @BindToRegistry("projectPollProgress")
    public FileStateRepository projectPollProgress(CamelContext context) {
        return FileStateRepository.fileStateRepository(
                new File(context.resolvePropertyPlaceholders("{{halo.projects.poll-progress-file}}")));
    }

    /** Finds a project change's follow-up ticket in Halo (a change delivered again after a crash). */
    @BindToRegistry("existingFollowUps")
    public ExistingFollowUps existingFollowUps(CamelContext context) {
        return new ExistingFollowUps(haloCalls(context));
    }

    /** Ticket change versions notified, shared by the webhook and its halo-poll safety net, kept across restarts. */
    @BindToRegistry("ticketUpdatesSeen")
    public IdempotentRepository ticketUpdatesSeen(CamelContext context) {
        return FileIdempotentRepository.fileIdempotentRepository(
                new File(context.resolvePropertyPlaceholders("{{halo.notify.seen-file}}")), 10_000);
    }

    /** Where the safety-net poll of tickets keeps its progress, so a restart continues where it stopped. */
    @BindToRegistry("ticketUpdatesProgress")
    public FileStateRepository ticketUpdatesProgress(CamelContext context) {
        return FileStateRepository.fileStateRepository(
                new File(context.resolvePropertyPlaceholders("{{halo.notify.progress-file}}")));
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        String host = context.resolvePropertyPlaceholders("{{halo.requests.http-host}}");
        // before anything binds: no unauthenticated POST /requests on an address other hosts reach
        new RequestApiKey(context.resolvePropertyPlaceholders("{{halo.requests.api-key}}")).checkServes(host);
        http.setBindHost(host);
        http.setBindPort(Integer.parseInt(context.resolvePropertyPlaceholders("{{halo.requests.http-port}}")));
        context.addService(new VertxPlatformHttpServer(http));
    }
}

package io.camelhalo.component.halo;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.client.HaloConnection;
import io.camelhalo.component.halo.client.HaloPager;
import io.camelhalo.component.halo.http.HaloRateBudget;
import io.camelhalo.component.halo.http.HaloRateGovernor;
import io.camelhalo.component.halo.http.HaloRetryPolicy;
import io.camelhalo.component.halo.http.HaloTransport;
import io.camelhalo.component.halo.lookup.HaloLookupCache;
import io.camelhalo.component.halo.metrics.HaloMetrics;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.PropertiesHelper;

/**
 * The Halo component: {@code halo:<resource>/<operation>}. It keeps one {@link HaloConnection} (HTTP client and token
 * manager) per tenant and application, shared by all its endpoints and by halo-poll's and halo-webhook's.
 */
@Component("halo")
public class HaloComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The shared configuration; every option can also be set on its own")
    private HaloConfiguration configuration = new HaloConfiguration();
    @Metadata(label = "security", defaultValue = "false",
              description = "Use the Camel context's global SSLContextParameters when an endpoint sets none")
    private boolean useGlobalSslContextParameters;

    private final Map<HaloConnection.Key, HaloConnection> connections = new ConcurrentHashMap<>();
    private final Map<HaloConnection.TenantKey, HaloRateGovernor> governors = new ConcurrentHashMap<>();
    private final Map<HaloConnection.Key, HaloLookupCache> lookupCaches = new ConcurrentHashMap<>();
    private final Map<HaloConnection.Key, HaloProducerHealthCheck> producerHealthChecks = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] parts = remaining.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(
                    "Invalid Halo URI path '" + remaining + "': expected halo:<resource>/<operation>, e.g. "
                                               + "halo:tickets/create. Resources: " + HaloResource.URI_NAMES.replace(",", ", ")
                                               + ". Operations: " + HaloOperation.URI_NAMES.replace(",", ", "));
        }
        HaloResource resource = HaloResource.fromUriName(parts[0]);
        HaloOperation operation = HaloOperation.fromUriName(parts[1]);

        HaloEndpoint endpoint = new HaloEndpoint(uri, this, resource, operation, configuration.copy());
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, "query.");
        HaloIds.checkUriId(resource, parameters.get("id"), "option id");
        HaloIds.checkUriWholeNumbers(parameters, List.of("ticketId"),
                Map.of("pageSize", "1 to " + HaloQuery.MAX_PAGE_SIZE, "maxResults", "0 for all, or more"));
        setProperties(endpoint, parameters);
        endpoint.getProducerConfiguration().getQuery().putAll(query);
        endpoint.validate();
        return endpoint;
    }

    /** Camel's check for options no setter took, naming the option meant when one is close (pageSise: pageSize). */
    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        if (optionPrefix == null && parameters != null && !parameters.isEmpty()) {
            throw HaloOptionSuggestions.unknownOptions(getCamelContext(), uri, parameters);
        }
        super.validateParameters(uri, parameters, optionPrefix);
    }

    /** The connection for a configuration, shared by every endpoint with the same tenant and application. */
    public HaloConnection connection(HaloConfiguration endpointConfiguration) {
        return connections.computeIfAbsent(endpointConfiguration.connectionKey(), key -> {
            HaloConnection connection = open(key, endpointConfiguration);
            HaloMetrics.bind(getCamelContext(), connection); // Micrometer meters, when camel-micrometer is present
            return connection;
        });
    }

    /** The lists kept to resolve names, one set per connection (the same tenant and application). */
    public HaloLookupCache lookupCache(HaloConfiguration endpointConfiguration) {
        HaloConnection connection = connection(endpointConfiguration);
        return lookupCaches.computeIfAbsent(endpointConfiguration.connectionKey(),
                key -> new HaloLookupCache(
                        new HaloPager(
                                connection.httpClient(),
                                Duration.ofMillis(endpointConfiguration.getReadTimeout())),
                        System::currentTimeMillis));
    }

    /**
     * Counts a producer (of halo or halo-api) in the readiness check of its connection, one per connection whatever the
     * number of its producers: id {@code halo-producer-<clientId>}, numbered from -2 when connections share a client
     * id. The check joins Camel's "producers" health repository with its first producer and leaves it with its last;
     * nothing happens when camel-health is not present.
     *
     * @param  producer   the producer starting
     * @param  connection its connection, asked for only when there is a health repository (opening it is left to the
     *                    first call otherwise)
     * @param  timeout    how long a probe waits for Halo's reply
     * @return            what the producer runs when it stops
     */
    public Runnable joinProducerHealthCheck(Object producer, Supplier<HaloConnection> connection, Duration timeout) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (repository == null) {
            return () -> {
            };
        }
        HaloConnection opened = connection.get();
        HaloProducerHealthCheck check = producerHealthChecks.computeIfAbsent(opened.key(), key -> {
            String base = "halo-producer-" + key.clientId();
            String id = base;
            for (int n = 2; isProducerHealthCheckId(id); n++) {
                id = base + "-" + n;
            }
            HaloProducerHealthCheck created = new HaloProducerHealthCheck(opened, id, timeout);
            created.setEnabled(isHealthCheckProducerEnabled());
            return created;
        });
        check.addProducer(producer, repository);
        return () -> check.removeProducer(producer, repository);
    }

    private boolean isProducerHealthCheckId(String id) {
        return producerHealthChecks.values().stream().anyMatch(check -> check.getId().equals(id));
    }

    private HaloConnection open(HaloConnection.Key key, HaloConfiguration cfg) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        SSLContextParameters tls = cfg.getSslContextParameters() != null ? cfg.getSslContextParameters()
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        if (tls != null) {
            try {
                builder.sslContext(tls.createSSLContext(getCamelContext()));
            } catch (Exception e) {
                throw new IllegalArgumentException("Invalid sslContextParameters: " + e.getMessage(), e);
            }
        }
        HttpClient http = builder
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(cfg.getConnectTimeout()))
                // the client's follow-up tasks run where they arise (the selector thread) instead of being handed to
                // a pool thread per reply: every call is a blocking send() whose body subscribers never block, so no
                // task can stall the selector, and a call saves two thread hand-offs (docs/BENCHMARKS.md, row 1)
                .executor(Runnable::run)
                .build();
        HaloRetryPolicy retryPolicy = new HaloRetryPolicy(
                cfg.getMaxRetries(), Duration.ofMillis(cfg.getRetryDelay()),
                Duration.ofMillis(cfg.getMaxRetryDelay()), Duration.ofMillis(cfg.getMaxRateLimitWait()));
        HaloTransport transport = new HaloTransport(http, governor(cfg), retryPolicy, cfg.getMaxResponseSize());
        return new HaloConnection(key, transport, Duration.ofMillis(cfg.getReadTimeout()));
    }

    /**
     * The rate governor of a tenant and application: Halo counts their requests together, so every connection to them
     * shares one, with its share of a {@code rateBudget} when one is set. The first configuration to reach them sets
     * the limit.
     */
    private HaloRateGovernor governor(HaloConfiguration cfg) {
        return governors.computeIfAbsent(cfg.tenantKey(), key -> {
            Duration window = Duration.ofMillis(cfg.getRateLimitWindow());
            HaloRateBudget budget = cfg.getRateBudget();
            return budget == null || cfg.getRateLimit() <= 0
                    ? new HaloRateGovernor(cfg.getRateLimit(), window)
                    : new HaloRateGovernor(
                            cfg.getRateLimit(), window, budget.share(key.budgetKey(), cfg.getRateLimit(), window));
        });
    }

    @Override
    protected void doStop() throws Exception {
        connections.clear();
        lookupCaches.clear();
        producerHealthChecks.clear();
        governors.values().forEach(HaloRateGovernor::close); // a shared budget's share goes back to the other nodes
        governors.clear();
        super.doStop();
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the Camel context's global SSLContextParameters when an endpoint sets none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; every option can also be set on its own. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }
}

package io.camelhalo.component.halo;

import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.client.HaloConnection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Create, update, get, list and delete Halo ITSM / Halo PSA records (tickets, actions, clients, invoices, projects and
 * more) through Halo's REST API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "halo", title = "Halo", syntax = "halo:resource/operation",
             producerOnly = true, category = { Category.API, Category.CLOUD }, headersClass = HaloConstants.class)
public class HaloEndpoint extends DefaultEndpoint implements HaloServiceLocation {

    // enums, parsed once when the endpoint is created (as SalesforceEndpoint keeps its OperationName)
    @UriPath(enums = HaloResource.URI_NAMES, description = "The Halo resource, e.g. tickets")
    @Metadata(required = true)
    private HaloResource resource;
    @UriPath(enums = HaloOperation.URI_NAMES, description = "The operation on the resource")
    @Metadata(required = true)
    private HaloOperation operation;
    @UriParam
    private HaloConfiguration configuration;
    @UriParam
    private HaloProducerConfiguration producerConfiguration = new HaloProducerConfiguration();

    private HaloConnection connection;

    public HaloEndpoint(String uri, HaloComponent component, HaloResource resource, HaloOperation operation,
                        HaloConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public HaloComponent getComponent() {
        return (HaloComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new HaloProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "The halo: endpoint only sends to Halo; to receive changed records use halo-poll:" + resource.uriName());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getComponent().connection(configuration);
    }

    /** The connection shared with every endpoint of the same tenant and application. */
    public HaloConnection getConnection() {
        if (connection == null) {
            connection = getComponent().connection(configuration);
        }
        return connection;
    }

    public HaloResource getResource() {
        return resource;
    }

    /** The Halo resource, e.g. tickets. */
    public void setResource(HaloResource resource) {
        this.resource = resource;
    }

    public HaloOperation getOperation() {
        return operation;
    }

    /** The operation on the resource. */
    public void setOperation(HaloOperation operation) {
        this.operation = operation;
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's configuration. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Checks the endpoint's options before the route starts.
     *
     * @throws IllegalArgumentException naming the bad value and what is allowed
     */
    void validate() {
        configuration.validate();
        producerConfiguration.validate();
        HaloQuery.checkDeclared(resource, operation, producerConfiguration.getQuery().keySet(), "query.");
        if (producerConfiguration.getMatchExisting() != null && operation != HaloOperation.CREATE
                && operation != HaloOperation.UPDATE) {
            throw new IllegalArgumentException(
                    "Option matchExisting applies to create and update only, not to "
                                               + operation.uriName() + " of " + resource.uriName());
        }
    }

    public HaloProducerConfiguration getProducerConfiguration() {
        return producerConfiguration;
    }

    /** The producer's options. */
    public void setProducerConfiguration(HaloProducerConfiguration producerConfiguration) {
        this.producerConfiguration = producerConfiguration;
    }
}

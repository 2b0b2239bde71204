package io.camelhalo.component.halo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelhalo.component.halo.api.HaloNames;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.util.StringHelper;

/**
 * The error for options a halo, halo-poll or halo-webhook URI does not have, naming the one meant where a known option
 * is close ({@code pageSise}: "did you mean pageSize?"). The known names are the endpoint's, as its generated URI
 * factory lists them. Camel binds options whatever their case, so {@code pagesize=50} never gets here. Unlike Camel's
 * own "unknown parameters" error, it names the options without their values: a mistyped secret option stays secret.
 */
final class HaloOptionSuggestions {

    private HaloOptionSuggestions() {
    }

    /**
     * The error for the options left unset on an endpoint.
     *
     * @param unknown the options no setter took, by name
     */
    static ResolveEndpointFailedException unknownOptions(CamelContext context, String uri, Map<String, Object> unknown) {
        String scheme = StringHelper.before(uri, ":");
        EndpointUriFactory factory = scheme == null ? null : context.getCamelContextExtension().getEndpointUriFactory(scheme);
        Set<String> known = factory == null ? Set.of() : factory.propertyNames();
        List<String> named = new ArrayList<>();
        for (String option : unknown.keySet()) {
            String meant = HaloNames.closest(option, known);
            named.add(meant == null ? option : option + " (did you mean " + meant + "?)");
        }
        return new ResolveEndpointFailedException(
                uri, (unknown.size() == 1 ? "Unknown option " : "Unknown options ") + String.join(", ", named)
                     + ". Check the spelling (case does not matter) against the options of " + scheme
                     + " in its documentation");
    }
}

package io.camelhalo.component.halo.apipath;

import java.util.Map;

import io.camelhalo.component.halo.HaloConsumerComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.PropertiesHelper;

/**
 * The halo-api component: {@code halo-api:<path>?method=GET}, any path of Halo's API description through the halo
 * component's connection (token, rate governor, retries, error model). Its connection options are the halo component's,
 * with each one set on this component laid over them ({@link HaloConsumerComponent}).
 */
@Component("halo-api")
public class HaloApiComponent extends HaloConsumerComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HaloApiEndpoint endpoint = new HaloApiEndpoint(uri, this, remaining, endpointConfiguration());
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, "query.");
        Map<String, Object> pathParams = PropertiesHelper.extractProperties(parameters, "pathParam.");
        setProperties(endpoint, parameters);
        endpoint.getQuery().putAll(query);
        endpoint.getPathParam().putAll(pathParams);
        endpoint.validate(); // a route naming a path, method or parameter Halo does not have fails to start
        return endpoint;
    }
}

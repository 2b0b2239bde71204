package io.camelhalo.component.halo.console;

import java.util.Map;

import io.camelhalo.component.halo.HaloSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The halo dev console shows the connection of an application whose only Halo endpoint is halo-api. */
class HaloDevConsoleApiTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest()
            .routes(r -> r.from("direct:status").to("halo-api:Status"));

    @Test
    void aHaloApiEndpointsConnectionIsShown() {
        // given one call to any path through halo-api
        CamelContext context = halo.context();
        context.createProducerTemplate().requestBody("direct:status", (Object) null);

        // then the console lists its connection with the call counted
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("halo");
        JsonArray connections = (JsonArray) ((JsonObject) console.call(DevConsole.MediaType.JSON)).get("connections");
        assertEquals(1, connections.size(), connections.toJson());
        JsonObject connection = (JsonObject) connections.get(0);
        assertEquals(halo.sandbox().baseUrl() + "/api", connection.getString("apiUrl"));
        Map<String, Object> replies = connection.getMap("replies");
        assertTrue(replies.keySet().stream().anyMatch(key -> key.endsWith(" 200") && !key.startsWith("token")),
                replies.toString());
    }
}

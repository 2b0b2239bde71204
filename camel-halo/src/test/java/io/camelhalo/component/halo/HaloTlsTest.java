package io.camelhalo.component.halo;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelhalo.component.halo.error.HaloApiException;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Halo over TLS, as every tenant is: the token and API calls through the component's JDK client, whose follow-up tasks
 * (the TLS handshake's among them) run on its selector thread, against a WireMock HTTPS server on loopback with a test
 * certificate (src/test/resources/tls, made with keytool). The trust comes from {@code sslContextParameters}, or from
 * the Camel context's global parameters with {@code useGlobalSslContextParameters}.
 */
class HaloTlsTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = WireMockExtension.newInstance()
            .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                    .keystorePath(resource("tls/localhost-server.p12")).keystoreType("PKCS12")
                    .keystorePassword("changeit").keyManagerPassword("changeit"))
            .build();

    private enum Trust {
        ENDPOINT,
        GLOBAL,
        NONE
    }

    private Trust trust = Trust.ENDPOINT;

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Override
    protected String baseUrl() {
        return "https://127.0.0.1:" + halo.getHttpsPort();
    }

    @Override
    protected void configure(HaloConfiguration configuration) {
        configuration.setMaxRetries(0);
        switch (trust) {
            case ENDPOINT -> configuration.setSslContextParameters(trustingTheTestCertificate());
            case GLOBAL -> {
                context.setSSLContextParameters(trustingTheTestCertificate());
                context.getComponent("halo", HaloComponent.class).setUseGlobalSslContextParameters(true);
            }
            case NONE -> {
            }
        }
    }

    @Test
    void aTrustedServerAnswersTokenAndApiCallsOverTls() {
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\": 5, \"summary\": \"over TLS\"}")));

        for (int i = 0; i < 3; i++) {
            Exchange exchange = succeeded(send("halo:tickets/get?id=5", null));
            assertEquals("over TLS", exchange.getMessage().getBody(Map.class).get("summary"));
        }
        assertEquals(3, halo.findAll(getRequestedFor(urlPathEqualTo("/api/Tickets/5"))).size());
    }

    @Test
    void theContextsGlobalParametersAreUsedWhenAsked() throws Exception {
        restartWith(Trust.GLOBAL);
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\": 5}")));

        succeeded(send("halo:tickets/get?id=5", null));
    }

    @Test
    void withoutTrustTheCallFailsNamingTheCertificateProblemAndNothingIsSent() throws Exception {
        restartWith(Trust.NONE);
        stubToken();

        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        assertTrue(chain(e).contains("PKIX") || chain(e).contains("certificate"), chain(e));
        assertTrue(halo.getAllServeEvents().isEmpty(), "no request got through the handshake");
    }

    private void restartWith(Trust trust) {
        stopCamel();
        this.trust = trust;
        startCamel();
    }

    private static SSLContextParameters trustingTheTestCertificate() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("classpath:tls/localhost-trust.p12");
        store.setType("PKCS12");
        store.setPassword("changeit");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private static String resource(String name) {
        try {
            return Path.of(HaloTlsTest.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

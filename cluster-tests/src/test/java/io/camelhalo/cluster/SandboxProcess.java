package io.camelhalo.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelhalo.sandbox.HaloSandboxMain;
import io.camelhalo.sandbox.HaloSandboxOptions;

import static org.awaitility.Awaitility.await;

/** The halo-sandbox in its own JVM on an ephemeral loopback port, as {@code java -jar halo-sandbox.jar} runs it. */
final class SandboxProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final JvmProcess jvm;
    private final String baseUrl;

    private SandboxProcess(JvmProcess jvm, String baseUrl) {
        this.jvm = jvm;
        this.baseUrl = baseUrl;
    }

    static SandboxProcess start(Path logDir) {
        JvmProcess jvm = JvmProcess.start("halo-sandbox", logDir, HaloSandboxMain.class, "--port", "0");
        try {
            await("the sandbox to listen").atMost(Duration.ofSeconds(60))
                    .until(() -> LISTENING.matcher(jvm.output()).find() || !jvm.isAlive());
            Matcher m = LISTENING.matcher(jvm.output());
            if (!m.find()) {
                throw new IllegalStateException("The sandbox did not start:\n" + jvm.output());
            }
            return new SandboxProcess(jvm, m.group(1));
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The connection options of an endpoint URI that talks to this sandbox (the governor off: tests count). */
    String connection() {
        return "baseUrl=RAW(" + baseUrl + ")&clientId=" + HaloSandboxOptions.DEFAULT_CLIENT_ID
               + "&clientSecret=RAW(" + HaloSandboxOptions.DEFAULT_CLIENT_SECRET + ")&rateLimit=0";
    }

    @Override
    public void close() {
        jvm.close();
    }
}

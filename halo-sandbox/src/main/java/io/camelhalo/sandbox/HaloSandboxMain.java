package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone: {@code java -jar halo-sandbox.jar [--port N] [--client-id ID]
 * [--client-secret SECRET] [--no-seed] [--mode TENANT_MODE[:resource,...]]... [--change-tickets SECONDS]}. Stops on
 * Ctrl-C. {@code --help} prints the credentials, the seed data and the modes.
 */
public final class HaloSandboxMain {

    private HaloSandboxMain() {
    }

    /** Parses the options, starts the sandbox and waits until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        HaloSandboxOptions options = HaloSandboxOptions.defaults().withPort(8089);
        Duration changeTickets = null;
        TenantModes modes = TenantModes.NONE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i)));
                case "--client-id" -> options = options.withClientId(value(args, ++i));
                case "--client-secret" -> options = options.withClientSecret(value(args, ++i));
                case "--no-seed" -> options = options.withSeedData(false);
                case "--change-tickets" -> changeTickets = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                case "--mode" -> modes = withMode(modes, value(args, ++i));
                case "--help", "-h" -> {
                    System.out.print(SandboxHelp.text(options));
                    return;
                }
                default -> {
                    System.err.print(SandboxHelp.text(options));
                    System.exit(2);
                }
            }
        }
        options = new HaloSandboxOptions(
                options.port(), options.clientId(), options.clientSecret(),
                options.tokenLifetime(), options.seedData(), modes.everywhere(), modes.scoped());
        HaloSandbox sandbox = HaloSandbox.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "halo-sandbox-stop"));
        System.out.println("Halo sandbox listening on " + sandbox.baseUrl() + " (client id " + sandbox.clientId()
                           + ", secret " + sandbox.clientSecret() + ")");
        if (changeTickets != null) {
            TicketChanger.every(sandbox, changeTickets, System.out::println);
        }
        new CountDownLatch(1).await();
    }

    /** {@code --mode NAME} or {@code --mode NAME:resource,resource}; exits with the names allowed when unknown. */
    private static TenantModes withMode(TenantModes modes, String spec) {
        try {
            return modes.with(spec);
        } catch (IllegalArgumentException e) {
            System.err.println("--mode " + spec + ": " + e.getMessage());
            System.exit(2);
            return modes;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("missing value for " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }
}

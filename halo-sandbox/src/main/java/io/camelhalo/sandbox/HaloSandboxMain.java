package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone: {@code java -jar halo-sandbox.jar [--port N] [--client-id ID]
 * [--client-secret SECRET] [--no-seed] [--mode TENANT_MODE]... [--change-tickets SECONDS]}. Stops on Ctrl-C.
 * {@code --help} prints the credentials, the seed data and the modes.
 */
public final class HaloSandboxMain {

    private HaloSandboxMain() {
    }

    /** Parses the options, starts the sandbox and waits until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        HaloSandboxOptions options = HaloSandboxOptions.defaults().withPort(8089);
        Duration changeTickets = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i)));
                case "--client-id" -> options = options.withClientId(value(args, ++i));
                case "--client-secret" -> options = options.withClientSecret(value(args, ++i));
                case "--no-seed" -> options = options.withSeedData(false);
                case "--change-tickets" -> changeTickets = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                case "--mode" -> {
                    Set<TenantMode> on = EnumSet.noneOf(TenantMode.class);
                    on.addAll(options.modes());
                    on.add(TenantMode.valueOf(value(args, ++i)));
                    options = options.withModes(on.toArray(new TenantMode[0]));
                }
                case "--help", "-h" -> {
                    System.out.print(SandboxHelp.text(options));
                    System.out.println("Real-tenant modes (--mode, repeatable): " + Arrays.toString(TenantMode.values()));
                    return;
                }
                default -> {
                    System.err.print(SandboxHelp.text(options));
                    System.exit(2);
                }
            }
        }
        HaloSandbox sandbox = HaloSandbox.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "halo-sandbox-stop"));
        System.out.println("Halo sandbox listening on " + sandbox.baseUrl() + " (client id " + sandbox.clientId()
                           + ", secret " + sandbox.clientSecret() + ")");
        if (changeTickets != null) {
            TicketChanger.every(sandbox, changeTickets, System.out::println);
        }
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("missing value for " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }
}

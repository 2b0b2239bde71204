package io.camelhalo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloEndpoint;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.client.HaloPager;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Target 2, run in a forked JVM with a small heap: walks every ticket of a {@link BenchServer} tenant and prints
 * {@code RESULT <name> <value>} lines for {@link HaloBenchmarks}.
 * <ul>
 * <li>{@code stream}: {@code halo:tickets/list?streamList=true} split streaming, the route spending
 * {@code routeMsPerPage} on the first record of each page of 100;</li>
 * <li>{@code sequential}: the same pages fetched one after another (the component's pager, no prefetch), the same work
 * per page between them;</li>
 * <li>{@code buffered}: {@code halo:tickets/list} into one List.</li>
 * </ul>
 */
public final class StreamWalk {

    private StreamWalk() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String mode = args[1];
        long routeMsPerPage = Long.parseLong(args[2]);
        long limitSeconds = Long.parseLong(args[3]);
        Thread watchdog = new Thread(() -> { // a hung walk must not hang the benchmark run
            try {
                Thread.sleep(limitSeconds * 1000);
                System.out.println("RESULT failed timeout after " + limitSeconds + " s");
                System.out.flush();
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        CamelContext context = new DefaultCamelContext();
        HaloConfiguration cfg = context.getComponent("halo", HaloComponent.class).getConfiguration();
        cfg.setBaseUrl(baseUrl);
        cfg.setClientId("bench");
        cfg.setClientSecret("bench");
        cfg.setRateLimit(0); // measure the walk, not Halo's per-tenant limit
        AtomicLong records = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("halo:tickets/list?streamList=true")
                        .split(body()).streaming()
                        .process(e -> work(records, routeMsPerPage));
                from("direct:buffered").to("halo:tickets/list");
            }
        });
        context.start();
        long start = System.nanoTime();
        try {
            switch (mode) {
                case "stream" -> context.createProducerTemplate().sendBody("direct:stream", null);
                case "sequential" -> {
                    HaloEndpoint endpoint = context.getEndpoint("halo:tickets/list", HaloEndpoint.class);
                    new HaloPager(endpoint.getConnection().httpClient(), Duration.ofSeconds(60))
                            .forEachPage(HaloResource.TICKETS, new LinkedHashMap<>(), 100, page -> {
                                for (int i = 0; i < page.size(); i++) {
                                    work(records, routeMsPerPage);
                                }
                                return true;
                            });
                }
                case "buffered" -> {
                    List<?> all = context.createProducerTemplate().requestBody("direct:buffered", null, List.class);
                    records.set(all.size());
                }
                default -> throw new IllegalArgumentException(mode);
            }
            System.out.println("RESULT records " + records.get());
            System.out.println("RESULT seconds " + (System.nanoTime() - start) / 1e9);
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.out.println("RESULT failed " + root.getClass().getSimpleName());
            System.out.println("RESULT records " + records.get());
        }
        System.out.println("RESULT peakHeapMb " + peakHeapMb());
        System.out.println("RESULT maxHeapMb " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.flush();
        Runtime.getRuntime().halt(0); // do not wait for a context that may be out of memory
    }

    /** The route's work on one record: {@code msPerPage} on the first record of each page of 100. */
    private static void work(AtomicLong records, long msPerPage) throws InterruptedException {
        if (records.getAndIncrement() % 100 == 0 && msPerPage > 0) {
            Thread.sleep(msPerPage);
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}

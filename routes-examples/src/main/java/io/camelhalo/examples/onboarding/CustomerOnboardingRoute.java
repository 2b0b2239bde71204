package io.camelhalo.examples.onboarding;

import java.util.Map;
import java.util.Optional;

import io.camelhalo.examples.lookup.HaloCalls;
import io.camelhalo.examples.lookup.HaloDirectory;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Automate customer onboarding ("External Customer Trigger → Create Client → Create Site"): a CSV dropped into
 * {@code halo.onboarding.inbox-dir} creates, per line, the client, its site and its first user. Each is looked up
 * first (client by name, site by name within the client, user by email), so dropping the same file twice creates
 * nothing new.
 * <p>
 * Bad lines are written to {@code <file>.errors.txt} in {@code halo.onboarding.error-dir} with their line numbers
 * while the good ones go through; a file missing a column is moved there whole with the reason. Processed files go to
 * the inbox's {@code .done} folder. Columns: see {@link CustomerCsv}.
 */
public class CustomerOnboardingRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{halo.onboarding.inbox-dir}}?include=.*\\.csv&move=.done&readLock=changed&readLockMinAge=200")
                .routeId("customer-onboarding")
                .onException(IllegalArgumentException.class).handled(true)
                    .log("Onboarding file ${header.CamelFileName} refused: ${exception.message}")
                    .to("file:{{halo.onboarding.error-dir}}")
                    .setBody(simple("${exception.message}\n"))
                    .setHeader(Exchange.FILE_NAME, simple("${header.CamelFileName}.errors.txt"))
                    .to("file:{{halo.onboarding.error-dir}}")
                .end()
                .log("Onboarding file ${header.CamelFileName}")
                .setProperty("parsed", method(CustomerCsv.class, "parse(${body})"))
                .filter(simple("${exchangeProperty.parsed.errors.size} > 0"))
                    .process(e -> e.getMessage().setBody(String.join("\n",
                            e.getProperty("parsed", CustomerCsv.Parsed.class).errors()) + "\n"))
                    .setHeader(Exchange.FILE_NAME, simple("${header.CamelFileName}.errors.txt"))
                    .to("file:{{halo.onboarding.error-dir}}")
                    .log("Onboarding: ${exchangeProperty.parsed.errors.size} bad line(s) written to "
                            + "{{halo.onboarding.error-dir}}/${header.CamelFileName}")
                .end()
                .split(simple("${exchangeProperty.parsed.rows}"))
                    .process(e -> onboard(e, e.getMessage().getBody(CustomerRow.class)))
                    .log("Onboarding line ${body.line}: ${header.onboarded}")
                .end();
    }

    private static void onboard(Exchange e, CustomerRow row) {
        HaloDirectory directory = e.getContext().getRegistry().lookupByNameAndType("haloDirectory", HaloDirectory.class);
        Optional<Map<String, Object>> found = directory.clientByName(row.clientName()); // looked up once
        boolean existed = found.isPresent();
        Map<String, Object> client = found.orElseGet(() -> directory.createClient(row.clientName(), row.website()));
        Map<String, Object> site = directory.siteNamed(client, row.siteName());
        Map<String, Object> user = directory.userWithEmail(site, row.userName(), row.userEmail());
        e.getMessage().setHeader("onboarded", (existed ? "client already in Halo: " : "created client ")
                + row.clientName() + " (" + HaloCalls.id(client, "id") + "), site " + HaloCalls.id(site, "id")
                + ", user " + row.userEmail() + " (" + HaloCalls.id(user, "id") + ")");
    }
}

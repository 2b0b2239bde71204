package io.camelhalo.examples.onboarding;

import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Automate customer onboarding ("External Customer Trigger → Create Client → Create Site"): a CSV dropped into
 * {@code halo.onboarding.inbox-dir} creates, per line, the client, its site and its first user. Each is looked up first
 * by the component's {@code matchExisting} (client by name, site by name within the client, user by email within the
 * client), so dropping the same file twice creates nothing new; a new customer is six requests.
 * <p>
 * Bad lines are written to {@code <file>.errors.txt} in {@code halo.onboarding.error-dir} with their line numbers while
 * the good ones go through; a file missing a column is moved there whole with the reason. Processed files go to the
 * inbox's {@code .done} folder. Columns: see {@link CustomerCsv}.
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
                .setProperty("row", body())
                // each looked up before it is created (matchExisting), so the same file twice creates nothing new
                .process(e -> e.getMessage().setBody(row(e).client()))
                .to("halo:clients/create?matchExisting=name")
                .setProperty("clientCreated", header(HaloConstants.CREATED))
                .setProperty("clientId", header(HaloConstants.ID))
                .process(e -> e.getMessage().setBody(row(e).site(e.getProperty("clientId", Long.class))))
                .to("halo:sites/create?matchExisting=name")
                .setProperty("siteId", header(HaloConstants.ID))
                .process(e -> e.getMessage().setBody(row(e).user(e.getProperty("clientId", Long.class),
                        e.getProperty("siteId", Long.class))))
                .to("halo:users/create?matchExisting=emailaddress")
                .log("Onboarding line ${exchangeProperty.row.line}: client ${exchangeProperty.row.clientName} "
                     + "(${exchangeProperty.clientId}, created: ${exchangeProperty.clientCreated}), site "
                     + "${exchangeProperty.siteId}, user ${exchangeProperty.row.userEmail} (${header.CamelHaloId}, "
                     + "created: ${header.CamelHaloCreated})")
                .end();
    }

    private static CustomerRow row(Exchange e) {
        return e.getProperty("row", CustomerRow.class);
    }
}

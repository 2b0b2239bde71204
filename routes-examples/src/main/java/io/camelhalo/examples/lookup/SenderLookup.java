package io.camelhalo.examples.lookup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds whom an email is from, as Halo's email rules do: the user with exactly that address, else the client of the
 * sender's domain, else the configured catch-all client. With {@code createMissing} it creates the client (named
 * after the domain, with a "Main" site) and the user instead of falling back.
 */
public class SenderLookup {

    /** What Halo should file an email under. {@code userId} and {@code siteId} may be null. */
    public record Sender(Long userId, long clientId, Long siteId, String how) {
    }

    /** What to create for a sender Halo does not know. */
    public enum CreateMissing {
        /** nothing: use the catch-all client */
        NONE,
        /** the user, under the client of the sender's domain when there is one, else under a new client */
        CLIENT_AND_USER;

        public static CreateMissing parse(String text) {
            try {
                return valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("createMissing must be 'none' or 'client-and-user', not '" + text + "'");
            }
        }
    }

    private final HaloDirectory directory;
    private final long catchAllClientId;
    private final CreateMissing createMissing;

    public SenderLookup(HaloDirectory directory, long catchAllClientId, CreateMissing createMissing) {
        this.directory = directory;
        this.catchAllClientId = catchAllClientId;
        this.createMissing = createMissing;
    }

    /** @param email the sender's address; @param displayName the sender's name, for a user created here */
    public Sender find(String email, String displayName) {
        Optional<Map<String, Object>> user = directory.userByEmail(email);
        if (user.isPresent()) {
            Map<String, Object> u = user.get();
            return new Sender(HaloCalls.id(u, "id"), HaloCalls.id(u, "client_id"), HaloCalls.id(u, "site_id"), "user");
        }
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        Optional<Map<String, Object>> client = directory.clientByDomain(domain);
        if (createMissing == CreateMissing.CLIENT_AND_USER) {
            Map<String, Object> c = client.orElseGet(() -> directory.clientNamed(domain, domain));
            Map<String, Object> site = directory.siteNamed(c, "Main");
            Map<String, Object> u = directory.userWithEmail(site,
                    displayName == null || displayName.isBlank() ? email : displayName, email);
            return new Sender(HaloCalls.id(u, "id"), HaloCalls.id(c, "id"), HaloCalls.id(site, "id"), "created user");
        }
        if (client.isPresent()) {
            return new Sender(null, HaloCalls.id(client.get(), "id"), null, "client domain");
        }
        return new Sender(null, catchAllClientId, null, "catch-all client");
    }
}

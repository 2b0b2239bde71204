package io.camelhalo.component.halo.auth;

import java.util.Base64;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored refresh token: AES-GCM with the configured key, bound to its entry, and what happens when it is not. */
class RefreshTokenStoreTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });

    private final MemoryStateRepository repository = new MemoryStateRepository();

    @Test
    void aTokenIsStoredEncryptedAndReadBack() throws Exception {
        RefreshTokenStore store = new RefreshTokenStore(repository, "k", KEY);
        store.refresh(stored -> new RefreshTokenStore.Result<>(null, "rt-secret-1"));

        String raw = repository.getState("k");
        assertTrue(raw.startsWith(RefreshTokenStore.PREFIX));
        assertFalse(raw.contains("rt-secret-1"));
        assertEquals("rt-secret-1", store.read());
        store.refresh(stored -> new RefreshTokenStore.Result<>(null, "rt-secret-1"));
        assertNotEquals(raw, repository.getState("k"), "a fresh IV for every write");
    }

    @Test
    void anotherKeyAnotherEntryOrNoKeyReadsNothing() throws Exception {
        new RefreshTokenStore(repository, "k", KEY).refresh(stored -> new RefreshTokenStore.Result<>(null, "rt-1"));

        assertNull(new RefreshTokenStore(repository, "k", OTHER_KEY).read(), "another key");
        assertNull(new RefreshTokenStore(repository, "k", null).read(), "no key: ciphertext is not a token");
        repository.setState("other", repository.getState("k"));
        assertNull(new RefreshTokenStore(repository, "other", KEY).read(), "a value moved to another entry");
        repository.setState("k", RefreshTokenStore.PREFIX + "bm90IGEgY2lwaGVydGV4dA==");
        assertNull(new RefreshTokenStore(repository, "k", KEY).read(), "tampered with");
    }

    @Test
    void aTokenStoredInClearBeforeTheKeyWasSetIsReadThenEncryptedOnTheNextWrite() throws Exception {
        repository.setState("k", "rt-clear");
        RefreshTokenStore store = new RefreshTokenStore(repository, "k", KEY);

        assertEquals("rt-clear", store.read());
        store.refresh(stored -> new RefreshTokenStore.Result<>(null, "rt-2"));
        assertTrue(repository.getState("k").startsWith(RefreshTokenStore.PREFIX));
    }

    @Test
    void aBadKeyIsRefusedWithoutItsValueInTheMessage() {
        String notBase64 = "my-secret-passphrase!";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HaloCredentials.checkEncryptionKey(notBase64));
        assertFalse(e.getMessage().contains(notBase64));
        String tooShort = Base64.getEncoder().encodeToString(new byte[7]);
        e = assertThrows(IllegalArgumentException.class, () -> HaloCredentials.checkEncryptionKey(tooShort));
        assertTrue(e.getMessage().contains("7 bytes") && !e.getMessage().contains(tooShort), e.getMessage());
    }
}

package io.camelhalo.component.halo.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.state.JdbcStateRepository;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh token of one application, kept in a {@link StateRepository} that every node of a cluster may share. Halo
 * rotates refresh tokens, and a spent one is refused ({@code invalid_grant}): so a node reads the store before each
 * refresh, and refreshes under the store's lock where it has one. A {@link JdbcStateRepository} has one: the refresh
 * runs in a transaction holding the token's row ({@code SELECT ... FOR UPDATE}), so a second node waits, then reads the
 * token the first one stored. Any other repository has none: a node that loses the race is refused, reads the store
 * again and retries once (see {@link HaloTokenManager}).
 * <p>
 * With an encryption key the stored value is AES-GCM ciphertext ({@value #PREFIX} + Base64 of a 12-byte IV and the
 * ciphertext with its tag), bound to the store key (the associated data), so a value copied to another key does not
 * decrypt. A clear-text value found with a key configured is still used (it was stored before the key was set) and is
 * encrypted at the next rotation. The token itself is never logged.
 */
final class RefreshTokenStore {

    /** What a refresh does, given the token in the store ({@code null} if none): it returns the token to store. */
    @FunctionalInterface
    interface Refresh<T> {
        Result<T> run(String stored) throws InterruptedException, HaloApiException;
    }

    /**
     * The outcome of a refresh: its value, and the refresh token to store, or {@code null} to leave the store as is.
     */
    record Result<T>(T value, String tokenToStore) {
    }

    static final String PREFIX = "aesgcm:v1:";
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenStore.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StateRepository<String, String> repository;
    private final String key;
    private final SecretKeySpec encryptionKey;

    /**
     * @param repository    the shared store
     * @param key           the entry of this application's refresh token
     * @param encryptionKey Base64 of a 16, 24 or 32 byte AES key, or {@code null} to store the token in clear
     */
    RefreshTokenStore(StateRepository<String, String> repository, String key, String encryptionKey) {
        this.repository = repository;
        this.key = key;
        this.encryptionKey = encryptionKey == null || encryptionKey.isBlank() ? null : aesKey(encryptionKey);
        ServiceHelper.startService(repository); // a FileStateRepository loads its file here
    }

    /**
     * Checks an encryption key option: Base64 of 16, 24 or 32 bytes.
     *
     * @throws IllegalArgumentException without the key's value in the message
     */
    static SecretKeySpec aesKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(
                    "Invalid refreshTokenEncryptionKey: not Base64 (give the Base64 of a 32-byte AES key, e.g. from "
                                               + "openssl rand -base64 32)");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(
                    "Invalid refreshTokenEncryptionKey: " + bytes.length + " bytes; an AES key is 16, 24 or 32 bytes "
                                               + "(e.g. openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether a refresh holds a lock that every node sharing the store respects. */
    boolean locks() {
        return repository instanceof JdbcStateRepository;
    }

    /** The newest refresh token in the store, or {@code null} if there is none or it cannot be read. */
    String read() {
        return decrypt(repository.getState(key));
    }

    /**
     * Runs a refresh exclusively among the nodes sharing a lockable store (else as it comes), and stores the token it
     * returns.
     */
    <T> T refresh(Refresh<T> refresh) throws InterruptedException, HaloApiException {
        if (repository instanceof JdbcStateRepository jdbc) {
            return refreshLocked(jdbc, refresh);
        }
        Result<T> result = refresh.run(read());
        if (result.tokenToStore() != null) {
            repository.setState(key, encrypt(result.tokenToStore()));
        }
        return result.value();
    }

    private <T> T refreshLocked(JdbcStateRepository jdbc, Refresh<T> refresh)
            throws InterruptedException, HaloApiException {
        String table = jdbc.getTableName();
        if (jdbc.getState(key) == null) {
            insertEmptyRow(jdbc, table); // a row to lock
        }
        try (Connection c = jdbc.getDataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                String stored;
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT STATE_VALUE FROM " + table + " WHERE STATE_KEY = ? FOR UPDATE")) {
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        stored = rs.next() ? rs.getString(1) : null;
                    }
                }
                Result<T> result = refresh.run(decrypt(stored));
                if (result.tokenToStore() != null) {
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE " + table + " SET STATE_VALUE = ? WHERE STATE_KEY = ?")) {
                        update.setString(1, encrypt(result.tokenToStore()));
                        update.setString(2, key);
                        update.executeUpdate();
                    }
                }
                c.commit();
                return result.value();
            } catch (SQLException | RuntimeException | InterruptedException | HaloApiException e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException(
                    "Cannot lock or write the refresh token's row in table " + table + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Inserts the token's row with "" (no token yet), in its own auto-committed statement; never overwrites a row
     * another node inserted meanwhile, which may already hold a token.
     */
    private void insertEmptyRow(JdbcStateRepository jdbc, String table) {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + table + " (STATE_KEY, STATE_VALUE) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, "");
                insert.executeUpdate();
            }
        } catch (SQLException raced) {
            if (jdbc.getState(key) == null) { // not a duplicate key: a real failure
                throw new RuntimeCamelException(
                        "Cannot add the refresh token's row to table " + table + " (" + raced.getMessage() + ")", raced);
            }
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback of the refresh token's transaction failed: {}", e.toString());
        }
    }

    private String encrypt(String token) {
        if (encryptionKey == null) {
            return token;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getClass().getName());
        }
    }

    private String decrypt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.startsWith(PREFIX)) {
            if (encryptionKey != null) {
                LOG.info("The stored refresh token is not encrypted; it is encrypted when Halo next rotates it");
            }
            return value;
        }
        if (encryptionKey == null) {
            LOG.warn("The stored refresh token is encrypted and no refreshTokenEncryptionKey is set: it is not used");
            return null;
        }
        try {
            byte[] in = Base64.getDecoder().decode(value.substring(PREFIX.length()));
            if (in.length < IV_BYTES + TAG_BITS / 8) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | ProviderException e) {
            // wrong key, another entry's value, or tampered with: the configured token is used instead
            LOG.warn("The stored refresh token does not decrypt with refreshTokenEncryptionKey ({}): it is not used",
                    e.getClass().getSimpleName());
            return null;
        }
    }
}

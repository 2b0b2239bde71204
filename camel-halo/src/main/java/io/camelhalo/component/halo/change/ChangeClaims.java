package io.camelhalo.component.halo.change;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The versions claimed in an idempotent repository that several instances and both change paths (halo-webhook,
 * halo-poll) may share; without a repository every claim succeeds.
 * <p>
 * Two instances can claim the same version at the same moment; a JDBC repository then lets one insert win and fails the
 * other with a unique-key violation. That loser must count the version as taken by the other (it is in the repository),
 * not as its own failure: a failure would answer Halo 500 and, worse, release the winner's entry.
 * <p>
 * A version claimed but not yet confirmed is in flight: its route may still fail and release it. Within one JVM the
 * claims of every consumer sharing a repository are known, so a second claim of an in-flight version is told so (and
 * can wait for the first one's outcome) instead of being told "taken" before the first is confirmed. Across JVMs an
 * unconfirmed claim looks taken: Halo's retry of the first delivery, which failed, brings it again.
 */
final class ChangeClaims {

    /** The claims in flight per shared repository (a repository object is shared by the routes that name it). */
    private static final Map<IdempotentRepository, Map<String, CompletableFuture<Boolean>>> IN_FLIGHT
            = Collections.synchronizedMap(new WeakHashMap<>());

    /** The outcome of a claim. */
    enum Result {
        /** This call claimed the version: route it, then confirm or release it. */
        CLAIMED,
        /** The version was claimed before, here or by another instance, and is not known to be in flight here. */
        TAKEN,
        /** Another delivery in this JVM claimed it and is still routing it. */
        IN_FLIGHT
    }

    private final IdempotentRepository repository;
    private final Map<String, CompletableFuture<Boolean>> inFlight;

    /** @param repository the shared repository, or {@code null} for none */
    ChangeClaims(IdempotentRepository repository) {
        this.repository = repository;
        this.inFlight = repository == null ? null : IN_FLIGHT.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
    }

    /**
     * Claims a version before it is routed.
     *
     * @throws RuntimeException the repository's own failure when the version is not there after it (e.g. the database
     *                          is down): the caller fails the delivery and releases nothing
     */
    Result claim(String version) {
        if (repository == null) {
            return Result.CLAIMED;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        if (inFlight.putIfAbsent(version, mine) != null) {
            return Result.IN_FLIGHT;
        }
        boolean added;
        try {
            added = add(version);
        } catch (RuntimeException e) {
            inFlight.remove(version, mine);
            throw e;
        }
        if (!added) {
            inFlight.remove(version, mine);
            return Result.TAKEN;
        }
        return Result.CLAIMED;
    }

    /**
     * The outcome of an in-flight claim of {@code version}: {@code true} when it was routed, {@code false} when it was
     * released; already complete when the version is no longer in flight.
     */
    CompletableFuture<Boolean> outcome(String version) {
        CompletableFuture<Boolean> running = inFlight == null ? null : inFlight.get(version);
        return running != null ? running : CompletableFuture.completedFuture(Boolean.TRUE);
    }

    /** The claimed version was routed: it stays taken. */
    void confirm(String version) {
        if (repository != null) {
            try {
                repository.confirm(version);
            } finally {
                settle(version, true);
            }
        }
    }

    /** The claimed version failed: released, so the next poll, Halo's retry or a re-send brings it again. */
    void release(String version) {
        if (repository != null) {
            try {
                repository.remove(version);
            } finally {
                settle(version, false);
            }
        }
    }

    private void settle(String version, boolean routed) {
        CompletableFuture<Boolean> running = inFlight.remove(version);
        if (running != null) {
            running.complete(routed);
        }
    }

    private boolean add(String version) {
        try {
            return repository.add(version);
        } catch (RuntimeException e) {
            boolean there;
            try {
                there = repository.contains(version);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (there) {
                return false; // a concurrent claim by another instance won
            }
            throw e;
        }
    }
}

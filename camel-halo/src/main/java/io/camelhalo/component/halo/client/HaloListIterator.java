package io.camelhalo.component.halo.client;

import java.io.Closeable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The records of a Halo list, read lazily for {@code split(body()).streaming()}: a background task walks the pages with
 * {@link HaloPager#forEachPage} (so the paging contract and its stop rules are the pager's) and hands each page over
 * when the reader asks for it. The hand-over is a {@link SynchronousQueue}: the task fetches page n+1 while the reader
 * works through page n, then waits, so at most two pages are in memory whatever the size of the list.
 * <p>
 * An error while paging (a Halo error reply, a timeout, a list shorter than Halo's {@code record_count}) reaches the
 * reader from {@link #hasNext()} as a {@link RuntimeCamelException} whose cause is the original exception, after the
 * records read before it. {@link #close()} (called by Camel's splitter when it stops, and by the producer when the
 * exchange completes) cancels the background task, interrupting a request in flight; no further request is sent.
 */
public final class HaloListIterator implements Iterator<Map<String, Object>>, Closeable {

    private static final Object END = new Object();

    private final SynchronousQueue<Object> handOff = new SynchronousQueue<>();
    private final int maxResults;
    private final FutureTask<Void> task;
    private Iterator<Map<String, Object>> page = Collections.emptyIterator();
    private long delivered;
    private volatile BooleanSupplier abandoned = () -> false;
    private boolean finished;
    private volatile boolean closed;

    HaloListIterator(HaloPager pager, PagedRead read, int maxResults, Executor executor) {
        this.maxResults = maxResults;
        this.task = new FutureTask<>(() -> {
            walk(pager, read);
            return null;
        });
        executor.execute(task);
    }

    /** What to read: the pager's arguments. */
    @FunctionalInterface
    interface PagedRead {
        void run(HaloPager pager, HaloPager.PageHandler handler) throws Exception;
    }

    private void walk(HaloPager pager, PagedRead read) throws InterruptedException {
        Object last = END;
        long[] handedOver = { 0 };
        try {
            read.run(pager, records -> {
                if (!records.isEmpty()) {
                    handOff.put(records);
                    handedOver[0] += records.size();
                }
                // like readAll: no page is asked for beyond maxResults
                return !closed && (maxResults <= 0 || handedOver[0] < maxResults);
            });
        } catch (InterruptedException e) {
            return; // closed: nobody is waiting
        } catch (Throwable e) {
            last = new Failure(e);
        }
        if (!closed) {
            handOff.put(last);
        }
    }

    /**
     * Waits for the first page, so that an error on the first request (a refused token, a 403, a bad filter) fails the
     * producer call itself rather than the splitter.
     *
     * @throws Exception the first request's error, as the pager threw it
     */
    void awaitFirstPage() throws Exception {
        try {
            advance();
        } catch (RuntimeCamelException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Stops the iterator as soon as {@code condition} holds, checked on every {@link #hasNext()}: the producer passes
     * "the exchange that received this iterator has failed", because Camel's splitter, when it stops on an exception,
     * reads the rest of the iterator to release its sub-exchanges, which would otherwise fetch every remaining page.
     */
    public void stopWhen(BooleanSupplier condition) {
        this.abandoned = condition;
    }

    /**
     * Ties the iterator to the exchange whose body it is, when that exchange is in a route: the splitter reads the
     * iterator before the exchange completes, so it is closed then, or stopped as soon as the exchange fails (a
     * splitter stopping on an exception drains what is left).
     */
    public HaloListIterator boundTo(Exchange exchange) {
        if (exchange.getFromRouteId() != null) {
            stopWhen(exchange::isFailed);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    close();
                }
            });
        }
        return this;
    }

    @Override
    public boolean hasNext() {
        if (!finished && abandoned.getAsBoolean()) {
            close();
        }
        if (page.hasNext()) {
            return true;
        }
        if (finished) {
            return false;
        }
        advance();
        return page.hasNext();
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in this Halo list");
        }
        Map<String, Object> record = page.next();
        delivered++;
        if (maxResults > 0 && delivered >= maxResults) {
            page = Collections.emptyIterator();
            finished = true;
            close(); // enough records: stop the background task
        }
        return record;
    }

    /** Takes the next page from the background task; marks the end, or rethrows its failure. */
    @SuppressWarnings("unchecked")
    private void advance() {
        Object next;
        try {
            next = handOff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new RuntimeCamelException("Interrupted while waiting for the next page of a Halo list", e);
        }
        if (next == END) {
            finished = true;
            closed = true;
        } else if (next instanceof Failure failure) {
            finished = true;
            closed = true;
            throw RuntimeCamelException.wrapRuntimeCamelException(failure.error());
        } else {
            page = ((List<Map<String, Object>>) next).iterator();
        }
    }

    /** Stops reading: cancels the background task (and a request in flight); no further page is requested. */
    @Override
    public void close() {
        closed = true;
        finished = true;
        page = Collections.emptyIterator();
        task.cancel(true);
        handOff.offer(END); // wakes a reader blocked in another thread, if there is one
    }

    private record Failure(Throwable error) {
    }
}

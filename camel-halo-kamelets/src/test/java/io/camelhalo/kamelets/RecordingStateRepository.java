package io.camelhalo.kamelets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.support.processor.state.MemoryStateRepository;

/** A state repository in memory that tells which keys were written: the bean a route gives halo-source. */
public class RecordingStateRepository extends MemoryStateRepository {

    private final Set<String> written = ConcurrentHashMap.newKeySet();

    @Override
    public void setState(String key, String value) {
        written.add(key);
        super.setState(key, value);
    }

    public Set<String> written() {
        return written;
    }
}

package io.camelhalo.cluster;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The entry point of every JVM a test starts: {@code ChildJvm <main class> <args...>}. It halts this JVM as soon as the
 * test JVM that started it is gone, so a test JVM that dies (or is killed by a timeout) leaves no process behind, then
 * runs the real main class.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle.current().parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}

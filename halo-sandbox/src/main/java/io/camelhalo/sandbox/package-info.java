/**
 * Halo sandbox: a small, stateful, in-memory emulator of the Halo ITSM / PSA REST API, served by the JDK's HTTP server
 * on 127.0.0.1, for the component's tests, the example routes and benchmarks.
 *
 * <p>
 * Start it with {@link io.camelhalo.sandbox.HaloSandbox#start(int)}; the resources it serves are the rows of
 * {@link io.camelhalo.sandbox.SandboxResource}. Where Halo's behaviour is inferred rather than known, the code says
 * "verify" next to the one line that decides it:
 * <ul>
 * <li>a POST body that is a lone object is taken as a one-element array;</li>
 * <li>a POST element whose id does not exist is refused (400 "Record not found");</li>
 * <li>POST answers 201 (the saved object, or an array for several), for updates too;</li>
 * <li>an empty array POST is refused (400);</li>
 * <li>a token issued with no scope gets 403 from the API;</li>
 * <li>a page past the end repeats the last page and echoes the page_no asked for;</li>
 * <li>lastupdatetodate is inclusive, like lastupdatefromdate;</li>
 * <li>appointments list as a bare array;</li>
 * <li>timestamps without an offset are UTC.</li>
 * </ul>
 *
 * <p>
 * It learns Halo from Halo's own API description, not from the component: every {@code /api} request is checked against
 * the vendored part of it ({@code halo-openapi/} beside these classes; {@link io.camelhalo.sandbox.ConformanceCheck}),
 * and a request outside it is a {@link io.camelhalo.sandbox.Violation} that fails the test class
 * ({@link io.camelhalo.sandbox.ConformanceExtension}). Each uncertain fact has a
 * {@link io.camelhalo.sandbox.TenantMode} answering the other way a real tenant may.
 */
package io.camelhalo.sandbox;

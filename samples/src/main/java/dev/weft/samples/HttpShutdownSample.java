package dev.weft.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.chan.Chan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.goroutine.Scope;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graceful shutdown of a real HTTP server with background workers (Go's
 * {@code signal.NotifyContext} + {@code srv.Shutdown(ctx)} pattern): {@code POST /jobs} queues a
 * job for the workers; SIGINT/SIGTERM (a JVM shutdown hook) or {@code POST /shutdown} cancels the
 * root context; then the server stops taking requests, waits a bounded time for those in
 * progress, the job queue closes, and the workers drain it before the program ends.
 *
 * <pre>{@code
 * // Go
 * ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
 * defer stop()
 * go srv.ListenAndServe()
 * <-ctx.Done()
 * srv.Shutdown(shutdownCtx)   // then close(jobs); wg.Wait()
 * }</pre>
 */
public final class HttpShutdownSample implements Sample {
    @Override
    public String name() {
        return "shutdown";
    }

    @Override
    public String title() {
        return "graceful shutdown of an HTTP server and its workers on a signal or a request";
    }

    /** The service: a server, a job queue, workers; {@link #serve} runs until ctx is done. */
    static final class Service {
        final Chan<String> jobs = Chan.make(16);
        final AtomicInteger done = new AtomicInteger();
        final HttpServer server;
        final CancelContext ctx;

        Service(CancelContext ctx) throws IOException {
            this.ctx = ctx;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/jobs", this::queueJob);
            server.createContext("/shutdown", exchange -> {
                reply(exchange, 202, "shutting down\n");
                ctx.cancel();                                    // like a SIGTERM
            });
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void queueJob(HttpExchange exchange) throws IOException {
            String job = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                jobs.send(ctx, job);                             // back-pressure, gives up on shutdown
                reply(exchange, 202, "queued " + job + "\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, "shutting down\n");
            } catch (RuntimeException e) {                       // context done or queue closed
                reply(exchange, 503, "shutting down\n");
            }
        }

        /** Serves until ctx is done, then shuts down in order; returns when all is drained. */
        void serve(PrintStream out) throws InterruptedException {
            try (Scope workers = Scope.open(ctx.withoutCancel())) {
                for (int i = 0; i < 2; i++) {
                    workers.go("worker", () -> {
                        for (String job : jobs) {                // drains after close
                            Thread.sleep(5);                     // the work
                            done.incrementAndGet();
                        }
                    });
                }
                server.start();
                ctx.done().recvOk();                             // <-ctx.Done()
                out.println("shutdown: " + ctx.err().getMessage());
                server.stop(1);                                  // up to 1 s for requests in progress
                out.println("server stopped");
                jobs.close();                                    // close(jobs)
                workers.await();                                 // wg.Wait()
                out.println("workers drained: " + done.get() + " jobs done");
            }
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (var os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (CancelContext ctx = Context.background().withCancel()) {
            Service service = new Service(ctx);
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    service.serve(out);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 1; i <= 5; i++) {
                out.print(post(service.port(), "/jobs", "job-" + i));
            }
            String reply = post(service.port(), "/shutdown", "");
            server.join();
            out.print("POST /shutdown answered: " + reply);
        }
    }

    /** A plain HTTP POST; HttpURLConnection starts far faster than java.net.http.HttpClient. */
    private static String post(int port, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        try {
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            try (var os = c.getOutputStream()) {
                os.write(body.getBytes(StandardCharsets.UTF_8));
            }
            try (var in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }

    /** Standalone: serves on a free port until Ctrl-C (SIGINT), SIGTERM or POST /shutdown, then drains. */
    public static void main(String[] args) throws Exception {
        try (CancelContext ctx = Context.background().withCancel()) {
            Service service = new Service(ctx);
            Chan<Void> finished = Chan.make();
            // signal.NotifyContext: the JVM runs shutdown hooks on SIGINT and SIGTERM; this one
            // cancels the context and holds the exit until the service has drained.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ctx.cancel();
                try {
                    finished.recvOk();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            System.out.println("listening on http://127.0.0.1:" + service.port()
                    + " (POST /jobs, POST /shutdown, or Ctrl-C)");
            service.serve(System.out);
            finished.close();
        }
    }
}

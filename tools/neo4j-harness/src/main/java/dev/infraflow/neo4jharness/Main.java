package dev.infraflow.neo4jharness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts a real Neo4j (Neo4j's own test harness, in this JVM) with Bolt on a loopback port and prints
 * one line "NEO4J_BOLT_URI=bolt://127.0.0.1:PORT" on stdout once it accepts connections. Auth is off (it is
 * a throwaway server for tests and benchmarks on loopback). It stops when stdin closes (the parent Node
 * process went away, even if killed) or on SIGTERM/SIGINT.
 *
 * Arguments: [workDir] [port] [pageCacheMb]; port 0 (default) picks a free one; page cache 128 MB by default.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("infraflow-neo4j-");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 128L;

    Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(workDir)
        .withDisabledServer() // no HTTP/Jetty: Bolt is all the driver needs
        .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .withConfig(GraphDatabaseSettings.auth_enabled, false)
        // Small footprint: the machine is shared and the test graphs are small (the benchmark asks for more).
        .withConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        neo4j.close();
      } finally {
        stopped.countDown();
      }
    }, "neo4j-harness-stop"));

    System.out.println("NEO4J_BOLT_URI=" + neo4j.boltURI());
    System.out.flush();

    Thread watcher = new Thread(() -> {
      InputStream in = System.in;
      byte[] buf = new byte[256];
      try {
        while (in.read(buf) >= 0) {
          // ignore input; only end-of-stream matters
        }
      } catch (IOException ignored) {
        // a broken pipe means the parent is gone, same as EOF
      }
      System.exit(0);
    }, "stdin-watcher");
    watcher.setDaemon(true);
    watcher.start();
    stopped.await();
  }
}

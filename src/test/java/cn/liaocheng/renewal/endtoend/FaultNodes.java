package cn.liaocheng.renewal.endtoend;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.liaocheng.renewal.RenewalApplication;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * The fault suite's application nodes: this build's classes started as child JVMs on a
 * fresh PostgreSQL database of their own, so that a test can kill one with SIGKILL, start
 * it again, or run two side by side; and the test's own look into that database (queries,
 * and killing the nodes' connections). Each node's output goes to
 * {@code target/fault/<name>.log}. {@link #close()} kills whatever is still running.
 * Nodes on a fresh database are started one after the other: the first creates the
 * engine's tables, which two starting at once would both try.
 */
final class FaultNodes implements AutoCloseable {

	static final Path OUTPUT = Path.of("target", "fault");

	/**
	 * The fault suite's node options: C1 only, since most of the suite is starting nodes
	 * (-Drenewal.fault.node-options="-Xmx512m" for the full compiler). What the suite
	 * checks (nothing acknowledged is lost, nothing stuck) does not depend on the
	 * compiler; the benchmark starts its nodes with the production options instead.
	 */
	private static final List<String> NODE_OPTIONS = List
		.of(System.getProperty("renewal.fault.node-options", "-Xmx512m -XX:TieredStopAtLevel=1").strip().split("\\s+"));

	/**
	 * How long a node may take to answer its health check after start: about 30-90 s, far
	 * more on a busy machine.
	 */
	static final Duration START = Duration.ofMinutes(10);

	/**
	 * The test's own connections carry this name, so that killing the nodes' connections
	 * spares them.
	 */
	private static final String TEST_CONNECTION = "fault-test";

	final PostgresTestDatabase.Fresh database;

	final String databaseName;

	private final List<Node> nodes = new ArrayList<>();

	private FaultNodes(String databaseName) {
		this.database = PostgresTestDatabase.fresh(databaseName);
		this.databaseName = database.url().substring(database.url().lastIndexOf('/') + 1);
	}

	/**
	 * A fresh database of this name (dropped and created anew) for the nodes of one test.
	 */
	static FaultNodes on(String databaseName) {
		return new FaultNodes(databaseName);
	}

	/**
	 * One running application: its name (and log file), port and process, and how long it
	 * took to come up.
	 */
	record Node(String name, int port, Process process, Duration startup) {

		/**
		 * SIGKILL, as a power loss or the OOM killer would: no shutdown hook, no
		 * connection closed cleanly.
		 */
		Instant kill() throws InterruptedException {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			return Instant.now();
		}

	}

	/** Starts a node on a free port and waits until it answers its health check. */
	Node start(String name) throws IOException {
		return start(freePort(), name);
	}

	/**
	 * Starts a node on this port (a restart on the port its clients know) and waits until
	 * it is up.
	 */
	Node start(int port, String name) throws IOException {
		return start(port, name, NODE_OPTIONS);
	}

	/**
	 * Starts a node on this port with these JVM options (the benchmark: the production
	 * memory bounds).
	 */
	Node start(int port, String name, List<String> jvmOptions) throws IOException {
		return start(port, name, jvmOptions, "postgres,demo");
	}

	/**
	 * Starts a node with these Spring profiles: {@code postgres} alone is the product as
	 * deployed, without the demo's accounts and data (the benchmark's start-up).
	 */
	Node start(int port, String name, List<String> jvmOptions, String profiles) throws IOException {
		Files.createDirectories(OUTPUT);
		String classpath = NodeClassPath.product();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath, RenewalApplication.class.getName(),
				"--spring.profiles.active=" + profiles, "--server.port=" + port,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(OUTPUT.resolve(name + ".log").toFile());
		Instant begin = Instant.now();
		Process process = builder.start();
		Node node = new Node(name, port, process, null);
		synchronized (nodes) {
			nodes.add(node);
		}
		WebClient health = new WebClient(port);
		Instant end = begin.plus(START);
		while (Instant.now().isBefore(end)) {
			if (!process.isAlive()) {
				throw new AssertionError(name + " exited with " + process.exitValue() + ", see " + log(name));
			}
			try {
				HttpResponse<String> r = health.get("/actuator/health");
				if (r.statusCode() == 200 && r.body().contains("UP")) {
					return new Node(name, port, process, Duration.between(begin, Instant.now()));
				}
			}
			catch (RuntimeException notYetListening) {
				// keep waiting
			}
			sleep(500);
		}
		process.destroyForcibly();
		throw new AssertionError(name + " not up within " + START.toSeconds() + " s, see " + log(name));
	}

	static Path log(String name) {
		return OUTPUT.resolve(name + ".log");
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		synchronized (nodes) {
			for (Node node : nodes) {
				if (node.process().isAlive()) {
					node.process().destroyForcibly();
				}
			}
		}
	}

	// ---------------------------------------------------------------- the database, seen
	// by the test

	int count(String sql, Object... parameters) {
		return Integer.parseInt(rows(sql, parameters).get(0));
	}

	/** The first column of each row of a query, as text. */
	List<String> rows(String sql, Object... parameters) {
		return query(databaseName, sql, parameters);
	}

	private List<String> query(String name, String sql, Object... parameters) {
		try (Connection c = connect(name); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				s.setObject(i + 1, parameters[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				List<String> result = new ArrayList<>();
				while (r.next()) {
					result.add(r.getString(1));
				}
				return result;
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Like {@link #rows}, re-trying for up to a minute while the database refuses the
	 * test too (during a refusal window) or a connection is cut.
	 */
	List<String> rowsPatiently(String sql, Object... parameters) {
		Instant end = Instant.now().plusSeconds(60);
		while (true) {
			try {
				return rows(sql, parameters);
			}
			catch (IllegalStateException e) {
				if (Instant.now().isAfter(end)) {
					throw e;
				}
				sleep(500);
			}
		}
	}

	/**
	 * Terminates every connection the nodes hold to the database
	 * ({@code pg_terminate_backend}), as a database restart or a network cut would; the
	 * test's own are spared. Returns how many were terminated.
	 */
	int terminateNodeConnections() {
		// From the server's maintenance database, which stays open during a refusal
		// window.
		return Integer.parseInt(query("postgres",
				"SELECT count(*) FROM (SELECT pg_terminate_backend(pid)"
						+ " FROM pg_stat_activity WHERE datname = ? AND application_name <> ?) AS terminated",
				databaseName, TEST_CONNECTION)
			.get(0));
	}

	/**
	 * Opens or closes the database to new connections ({@code ALLOW_CONNECTIONS});
	 * closing also terminates the nodes' connections, so that for the window every
	 * attempt to connect is refused.
	 */
	void refuseConnections(boolean refuse) {
		try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
			s.execute("ALTER DATABASE " + databaseName + " WITH ALLOW_CONNECTIONS " + !refuse);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
		if (refuse) {
			terminateNodeConnections();
		}
	}

	private Connection connect(String name) throws SQLException {
		String url = database.url().substring(0, database.url().lastIndexOf('/') + 1) + name;
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty("user", database.user());
		properties.setProperty("password", database.password());
		properties.setProperty("ApplicationName", TEST_CONNECTION);
		return DriverManager.getConnection(url, properties);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}

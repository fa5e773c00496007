package cn.liaocheng.renewal.endtoend;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx from the distribution in front of application nodes, with the repository's
 * configuration ({@code deploy/nginx/renewal.conf}) and the nodes' local ports put in
 * place of {@code node1:8080}, {@code node2:8080}. Runs in the foreground as a child
 * process with its files under {@code target/
 *
<dir>
 * /nginx}; {@link #close()} stops it.
 */
final class LoadBalancer implements AutoCloseable {

	static final Path CONFIGURATION = Path.of("deploy", "nginx", "renewal.conf");

	final int port;

	private final Path dir;

	private final Process process;

	private LoadBalancer(int port, Path dir, Process process) {
		this.port = port;
		this.dir = dir;
		this.process = process;
	}

	/** Whether nginx is installed (Debian's nginx package; .ci/run installs it). */
	static String executable() {
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		throw new AssertionError("nginx is needed (Debian package nginx; .ci/run installs it)");
	}

	static LoadBalancer start(Path under, List<Integer> nodePorts) throws IOException {
		Path dir = under.resolve("nginx").toAbsolutePath();
		Files.createDirectories(dir.resolve("temp"));
		int port = FaultNodes.freePort();
		write(dir, port, nodePorts);
		Process process = new ProcessBuilder(executable(), "-p", dir.toString(), "-c",
				dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("nginx.out").toFile())
			.start();
		Instant end = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(end)) {
			if (!process.isAlive()) {
				throw new AssertionError("nginx exited with " + process.exitValue() + ": "
						+ Files.readString(dir.resolve("nginx.out")) + readIfThere(dir.resolve("error.log")));
			}
			try (Socket ignored = new Socket("127.0.0.1", port)) {
				return new LoadBalancer(port, dir, process);
			}
			catch (IOException notYet) {
				FaultNodes.sleep(100);
			}
		}
		process.destroyForcibly();
		throw new AssertionError("nginx not listening on " + port + " within 30 s");
	}

	/**
	 * Puts these nodes behind the balancer instead (nginx -s reload: running requests
	 * finish on the old workers).
	 */
	void nodes(List<Integer> nodePorts) throws IOException, InterruptedException {
		write(dir, port, nodePorts);
		Process reload = new ProcessBuilder(executable(), "-p", dir.toString(), "-c",
				dir.resolve("nginx.conf").toString(), "-s", "reload")
			.redirectErrorStream(true)
			.start();
		if (!reload.waitFor(30, TimeUnit.SECONDS) || reload.exitValue() != 0) {
			throw new AssertionError("nginx reload failed: " + new String(reload.getInputStream().readAllBytes()));
		}
		FaultNodes.sleep(Duration.ofSeconds(1).toMillis());
	}

	private static void write(Path dir, int port, List<Integer> nodePorts) throws IOException {
		String site = Files.readString(CONFIGURATION);
		String servers = nodePorts.stream()
			.map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
			.collect(Collectors.joining("\n"));
		site = site.replaceAll("(?m)^\\s*server node\\d+:8080[^\\n]*\\n", "")
			.replace("keepalive 32;", "keepalive 32;\n" + servers)
			.replace("listen 80;", "listen 127.0.0.1:" + port + ";");
		if (!site.contains("127.0.0.1:" + nodePorts.get(0))) {
			throw new AssertionError("could not put the nodes into " + CONFIGURATION);
		}
		Files.writeString(dir.resolve("renewal.conf"), site);
		Files.writeString(dir.resolve("nginx.conf"), """
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 1024; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/temp/body;
				    proxy_temp_path %1$s/temp/proxy;
				    fastcgi_temp_path %1$s/temp/fastcgi;
				    uwsgi_temp_path %1$s/temp/uwsgi;
				    scgi_temp_path %1$s/temp/scgi;
				    include %1$s/renewal.conf;
				}
				""".formatted(dir));
	}

	private static String readIfThere(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file) : "";
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}

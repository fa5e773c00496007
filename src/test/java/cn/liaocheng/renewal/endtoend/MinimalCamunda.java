package cn.liaocheng.renewal.endtoend;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.benchmark.minimal.MinimalCamundaApplication;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * Starts {@link MinimalCamundaApplication} as a child JVM with the product's JVM options,
 * on a fresh PostgreSQL database, without this product's classes on its class path, and
 * measures the time until its REST API answers; then stops it.
 */
final class MinimalCamunda {

	private MinimalCamunda() {
	}

	private static PostgresTestDatabase.Fresh database;

	/**
	 * On an empty database ({@code fresh}), or again on the one of the previous start.
	 */
	static Duration startupTime(Path out, boolean fresh) throws IOException, InterruptedException {
		if (fresh || database == null) {
			database = PostgresTestDatabase.fresh(Benchmark.DATABASE + "_minimal");
		}
		String classpath = NodeClassPath.minimal();
		int port = FaultNodes.freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(Benchmark.JVM);
		command.addAll(List.of("-cp", classpath, MinimalCamundaApplication.class.getName(), "--server.port=" + port,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--camunda.bpm.database.schema-update=true",
				"--camunda.bpm.history-level=full",
				"--camunda.bpm.deployment-resource-pattern=file:bpmn/*.bpmn,file:bpmn/*.dmn,file:forms/*.form"));
		Instant begin = Instant.now();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(out.resolve(fresh ? "minimal-camunda.log" : "minimal-camunda-again.log").toFile())
			.start();
		try {
			WebClient client = new WebClient(port);
			Instant end = begin.plus(FaultNodes.START);
			while (Instant.now().isBefore(end)) {
				if (!process.isAlive()) {
					throw new AssertionError("the minimal Camunda application exited with " + process.exitValue()
							+ ", see " + out.resolve("minimal-camunda.log"));
				}
				try {
					HttpResponse<String> r = client.get("/engine-rest/engine");
					if (r.statusCode() == 200 && r.body().contains("default")) {
						return Duration.between(begin, Instant.now());
					}
				}
				catch (RuntimeException notYet) {
					// keep waiting
				}
				FaultNodes.sleep(500);
			}
			throw new AssertionError("the minimal Camunda application did not start within " + FaultNodes.START);
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

}

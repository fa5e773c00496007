package cn.liaocheng.renewal.endtoend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.decision.internal.RawDecisionSigning;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.PostgresTestDatabase;

/**
 * The benchmark (not part of the test suite: tag {@code benchmark}, run by
 * {@code bench/run}, see {@code docs/performance.md}). Everything is measured in one run
 * on one machine, the product beside its reference, because on a shared machine only
 * ratios taken together mean anything:
 * <ul>
 * <li>project registrations from submission to signed decision through the product's HTTP
 * API and security with 1, 4 and 8 clients, and the same models driven through a bare
 * engine's Java API ({@link BareEngine}); latencies of each step;</li>
 * <li>decisions issued per second against PDFBox + BouncyCastle rendering and signing the
 * same document ({@link RawDecisionSigning});</li>
 * <li>start-up time against a minimal Camunda Spring Boot application
 * ({@code MinimalCamundaApplication}), and the node's RSS under load;</li>
 * <li>one node against two behind nginx ({@link LoadBalancer});</li>
 * <li>the reviewer's task list and the enterprise's list with few and with many open
 * cases, seeded through the engine in batches.</li>
 * </ul>
 * Sizes: {@code -Drenewal.bench.cases=N} cases per client and level (default 4),
 * {@code -Drenewal.bench.open=1000,100000} open cases for the list measurements (default
 * 1000,10000). Output: the table on standard output and in {@code target/benchmark/},
 * {@code docs/performance/benchmark.csv} and {@code docs/performance/benchmark.png}.
 */
@Tag("benchmark")
class Benchmark {

	static final int CASES = Integer.getInteger("renewal.bench.cases", 4);

	/**
	 * Alternating starts of each application whose medians the start-up target compares.
	 */
	static final int STARTS = Integer.getInteger("renewal.bench.starts", 5);

	static final List<Integer> CLIENTS = List.of(1, 4, 8);

	static final List<Integer> OPEN = Arrays.stream(System.getProperty("renewal.bench.open", "1000,10000").split(","))
		.map(String::strip)
		.map(Integer::valueOf)
		.toList();

	/**
	 * Open cases per seeding transaction, and seeding transactions at a time
	 * ({@code -Drenewal.bench.seed-threads}).
	 */
	static final int SEED_BATCH = 500;

	static final int SEED_THREADS = Integer.getInteger("renewal.bench.seed-threads", 4);

	static final boolean TWO_NODES = Boolean.parseBoolean(System.getProperty("renewal.bench.two-nodes", "true"));

	/**
	 * The prefix of the databases the benchmark creates and drops
	 * ({@code -Drenewal.bench.database=…}), so that two runs on one PostgreSQL server
	 * (several checkouts of the project) do not drop each other's databases.
	 */
	static final String DATABASE = System.getProperty("renewal.bench.database", "renewal_bench");

	/**
	 * The parts to run
	 * ({@code -Drenewal.bench.parts=startup,cases,decisions,nodes,lists}, default all of
	 * them): a run of some parts prints its table and writes {@code target/benchmark/}
	 * only, leaving the committed figures in {@code docs/performance/} as they are.
	 */
	static final Set<String> PARTS = Arrays
		.stream(System.getProperty("renewal.bench.parts", "startup,cases,decisions,nodes,lists").split(","))
		.map(String::strip)
		.collect(Collectors.toSet());

	static final boolean ALL_PARTS = PARTS.containsAll(List.of("startup", "cases", "decisions", "nodes", "lists"));

	/** The production JVM bounds (pom.xml renewal.jvm-arguments, Dockerfile). */
	static final List<String> JVM = List.of("-Xmx384m", "-XX:MaxMetaspaceSize=160m", "-Xss512k",
			"-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError");

	static final Path OUT = Path.of("target", "benchmark");

	static final Path DOCS = Path.of("docs", "performance");

	static final String ENTERPRISE = "ent-gx";

	static final String REVIEWER = "gx-industry";

	static final String DIVISION = "371525";

	static final String GROUP = "county-" + DIVISION + "-industry";

	/**
	 * The Tasklist filter of the reviewer's body's open tasks (tasklist module's
	 * ReviewerFilter).
	 */
	static final String DEPARTMENT_FILTER = "本部门待办";

	static final long POLL_MILLIS = 50;

	final BenchmarkResults results = new BenchmarkResults();

	final Map<Integer, double[]> casesPerSecond = new LinkedHashMap<>();

	/**
	 * HTTP requests sent during the measured single-node loads (for requests per case).
	 */
	final AtomicLong requests = new AtomicLong();

	volatile boolean countRequests;

	@Test
	void measure() throws Exception {
		Files.createDirectories(OUT);
		results.notes.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start "
				+ Files.readString(Path.of("/proc/loadavg")).strip() + "; cases per client and level " + CASES
				+ "; open cases for the lists " + OPEN);
		try (FaultNodes nodes = FaultNodes.on(DATABASE + "_product")) {
			// Start-up: the product against a minimal Camunda Spring Boot application,
			// one after the other.
			FaultNodes.Node node = nodes.start(FaultNodes.freePort(), "bench-node-1", jvm("bench-node-1"));
			Duration minimalAgain = null;
			if (PARTS.contains("startup")) {
				// One start of each varies by more than most changes move it: STARTS
				// alternating starts each, every one on an empty database, and the
				// medians compared. The product as deployed (profile postgres, no demo
				// accounts or data) carries the target; the demo node above, which also
				// hashes its accounts' passwords and seeds its data, is for reference.
				List<Double> minimalStarts = new ArrayList<>();
				List<Double> productionStarts = new ArrayList<>();
				for (int i = 0; i < STARTS; i++) {
					minimalStarts.add(seconds(MinimalCamunda.startupTime(OUT, true)));
					try (FaultNodes alone = FaultNodes.on(DATABASE + "_production")) {
						FaultNodes.Node deployed = alone.start(FaultNodes.freePort(), "bench-production",
								jvm("bench-production"), "postgres");
						productionStarts.add(seconds(deployed.startup()));
						stop(deployed);
					}
				}
				minimalAgain = MinimalCamunda.startupTime(OUT, false);
				double minimal = median(minimalStarts);
				double production = median(productionStarts);
				results.notes.add(String.format(Locale.ROOT,
						"start-up, %d alternating starts each on empty databases: minimal %s s, as deployed %s s",
						STARTS, minimalStarts.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList(),
						productionStarts.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList()));
				results.compare("start-up",
						"start-up to healthy, empty database, as deployed, median of " + STARTS + " (s)", production,
						"s", minimal, "minimal Camunda starter app, median of " + STARTS, "≤ 1.5×",
						production <= 1.5 * minimal);
				results.compare("start-up", "start-up to healthy, empty database, with the demo's data (s)",
						seconds(node.startup()), "s", minimal, "minimal Camunda starter app, median", null, null);
			}
			if (PARTS.contains("cases")) {
				cases(nodes, node);
			}
			if (PARTS.contains("decisions")) {
				// Decisions issued per second against raw PDFBox + BouncyCastle on one
				// thread.
				double issued = decisionsPerSecond(nodes, node.port(), 16, 8);
				double raw = rawDecisionsPerSecond(16);
				results.compare("decisions/s", "decisions issued (render, sign, number, store)", issued, "1/s", raw,
						"raw PDFBox + BC, 1 thread", "≥ 0.8×", issued >= 0.8 * raw);
				// The product issues on every core; so can the raw code.
				results.compare("decisions/s", "decisions issued, against raw on every core", issued, "1/s",
						rawDecisionsPerSecondOnEveryCore(16),
						"raw PDFBox + BC, " + Runtime.getRuntime().availableProcessors() + " threads", null, null);
			}
			// One node, then two, behind nginx.
			if (TWO_NODES && PARTS.contains("nodes")) {
				FaultNodes.Node second = nodes.start(FaultNodes.freePort(), "bench-node-2", jvm("bench-node-2"));
				if (minimalAgain != null) {
					results.compare("start-up", "start-up to healthy, existing database (s)", seconds(second.startup()),
							"s", seconds(minimalAgain), "minimal app, its 2nd start", null, null);
				}
				productCases(second.port(), 1, 2, "warm2");
				try (LoadBalancer balancer = LoadBalancer.start(OUT, List.of(node.port()))) {
					double one = productCases(balancer.port, 4, CASES, "n1");
					balancer.nodes(List.of(node.port(), second.port()));
					double two = productCases(balancer.port, 4, CASES, "n2");
					results.compare("nodes", "cases/s, 4 clients via nginx, 2 nodes vs 1", two, "1/s", one,
							"1 node behind nginx", null, null);
				}
				stop(second);
			}

			// The lists with few and with many open cases.
			if (PARTS.contains("lists")) {
				lists(nodes, node.port());
			}
			stop(node);
		}
		finish();
	}

	/**
	 * Whole cases per second, product against bare engine, with 1, 4 and 8 clients;
	 * latencies, RSS, per-case cost.
	 */
	private void cases(FaultNodes nodes, FaultNodes.Node node) throws Exception {
		PostgresTestDatabase.Fresh bareDatabase = PostgresTestDatabase.fresh(DATABASE + "_engine");
		try (BareEngine bare = BareEngine.on(bareDatabase.url(), bareDatabase.user(), bareDatabase.password(),
				"bench-bare", true)) {
			// Warm-up of both: a few cases, not counted.
			productCases(node.port(), 2, 1, "warm");
			bareCases(bare.engine, 2, 1, "warm");
			results.clear("");
			long sizeBefore = Long.parseLong(nodes.rows("SELECT pg_database_size(current_database())").get(0));
			int casesBefore = finishedCases(nodes);
			long historyBefore = historyRows(nodes);
			RssSampler rss = new RssSampler(node.process().pid());
			countRequests = true;
			for (int clients : CLIENTS) {
				double product = productCases(node.port(), clients, CASES, "p" + clients);
				double reference = bareCases(bare.engine, clients, CASES, "b" + clients);
				casesPerSecond.put(clients, new double[] { product, reference });
				results.compare("cases/s", "cases/s, " + clients + (clients == 1 ? " client" : " clients"), product,
						"1/s", reference, "bare engine, same models", clients == 4 ? "≥ 0.7×" : null,
						clients == 4 ? product >= 0.7 * reference : null);
			}
			double rssMb = rss.stop();
			countRequests = false;
			int cases = finishedCases(nodes) - casesBefore;
			results.figure("per case", "database growth per registration (kB)",
					(Long.parseLong(nodes.rows("SELECT pg_database_size(current_database())").get(0)) - sizeBefore)
							/ 1024.0 / cases,
					"kB");
			results.figure("per case", "engine history rows per registration",
					(historyRows(nodes) - historyBefore) / (double) cases, "rows");
			results.figure("per case", "HTTP requests per registration (clients' polling included)",
					requests.get() / (double) cases, "req");
			for (int clients : CLIENTS) {
				String p = "p" + clients + ":";
				String b = "b" + clients + ":";
				String g = "latency " + clients + "c";
				results.latencies(g, "submit", p + "submit", b + "submit");
				results.latencies(g, "task list", p + "list", b + "list");
				results.latencies(g, "completed step → next task visible", p + "visible", b + "visible");
				results.latencies(g, "claim", p + "claim", b + "claim");
				results.latencies(g, "complete", p + "complete", b + "complete");
				results.latencies(g, "last completion → decision downloadable", p + "decision", b + "decision");
			}
			double visible95 = percentileOver("p", ":visible", 95);
			results.compare("targets", "completed step → next task visible p95 (ms)", visible95, "ms", 1000,
					"limit 1 s", "≤ 1.0×", visible95 <= 1000);
			results.compare("targets", "RSS under load, 8 clients (MB)", rssMb, "MB", 768, "limit 768 MB", "≤ 1.0×",
					rssMb <= 768);
		}
	}

	private static int finishedCases(FaultNodes nodes) {
		return nodes.count("SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_"
				+ " WHERE d.key_ = 'project-registration' AND p.end_time_ IS NOT NULL");
	}

	private static long historyRows(FaultNodes nodes) {
		long rows = 0;
		for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
				"act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_comment", "act_hi_job_log")) {
			rows += nodes.count("SELECT count(*) FROM " + table);
		}
		return rows;
	}

	/**
	 * Ends a node: killed, unless it keeps a flight recording, which the JVM writes only
	 * when it exits on its own (dumponexit), so then it is asked to shut down and given
	 * two minutes.
	 */
	private static void stop(FaultNodes.Node node) throws InterruptedException {
		if (Boolean.getBoolean("renewal.bench.jfr")) {
			node.process().destroy();
			if (node.process().waitFor(2, TimeUnit.MINUTES)) {
				return;
			}
		}
		node.kill();
	}

	private List<String> jvm(String name) {
		List<String> options = new ArrayList<>(JVM);
		if (Boolean.getBoolean("renewal.bench.jfr")) {
			options.add("-XX:StartFlightRecording=filename=" + OUT.toAbsolutePath().resolve(name + ".jfr")
					+ ",settings=profile,dumponexit=true");
		}
		// Diagnostics for the product's nodes only, e.g.
		// -Drenewal.bench.node-options=-XX:NativeMemoryTracking=summary
		String extra = System.getProperty("renewal.bench.node-options", "").strip();
		if (!extra.isEmpty()) {
			options.addAll(List.of(extra.split("\\s+")));
		}
		return options;
	}

	private void finish() throws IOException {
		String table = results.table();
		System.out.println("\n==== Benchmark ====\n" + table);
		Files.writeString(OUT.resolve("benchmark.txt"), table);
		if (!ALL_PARTS) {
			results.writeCsv(OUT.resolve("benchmark.csv"));
			return;
		}
		results.writeCsv(DOCS.resolve("benchmark.csv"));
		results.writeChart(DOCS.resolve("benchmark.png"),
				"Liaocheng equipment renewal — benchmark, product beside reference", casesPerSecond);
		Files.writeString(DOCS.resolve("benchmark.txt"), table);
	}

	/**
	 * A percentile of the samples {@code prefix<clients>suffix} of every level taken
	 * together.
	 */
	private double percentileOver(String prefix, String suffix, double p) {
		return results.percentileOf(CLIENTS.stream().map(c -> prefix + c + suffix).toList(), p);
	}

	/**
	 * The middle of {@code values} (the mean of the two middle ones for an even count).
	 */
	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static double seconds(Duration d) {
		return d.toMillis() / 1000.0;
	}

	// ======================================================================== the
	// product, through HTTP

	/**
	 * Runs {@code perClient} project registrations on each of {@code clients} threads;
	 * answers cases per second.
	 */
	double productCases(int port, int clients, int perClient, String label) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Callable<Void>> work = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			work.add(() -> {
				Map<String, Http> people = new HashMap<>();
				USERS.forEach(user -> people.put(user, new Http(port, user)));
				for (int i = 1; i <= perClient; i++) {
					productCase(people, label, "基准测试项目-" + label + "-" + client + "-" + i);
				}
				return null;
			});
		}
		long begin = System.nanoTime();
		for (Future<Void> f : pool.invokeAll(work)) {
			f.get();
		}
		double elapsed = (System.nanoTime() - begin) / 1e9;
		pool.shutdown();
		return clients * perClient / elapsed;
	}

	/**
	 * One project registration, approved all the way: the county's formal review and
	 * recommendation ({@code gx-industry}), the city's acceptance ({@code lc-industry}),
	 * the joint review of the bodies the routing table names for this project (policy
	 * task 7: industry, development, ecology; each body's reviewer), the industry
	 * bureau's decision, and the signed registration notice downloaded by the enterprise:
	 * seven user tasks.
	 */
	private void productCase(Map<String, Http> people, String label, String name) {
		long id = createAndSubmit(people.get(ENTERPRISE), label, name);
		long done = System.nanoTime();
		for (Step step : STEPS) {
			done = reviewStep(people.get(step.user()), label, id, step, done);
		}
		awaitDecision(people.get(ENTERPRISE), label, id, done);
	}

	/**
	 * A user task of the measured path: who does it, the task, and the candidate group it
	 * is found by.
	 */
	record Step(String user, String taskKey, String group, String opinion) {
	}

	static final List<Step> STEPS = List.of(new Step(REVIEWER, "Task_CountyFormalReview", GROUP, "材料齐全，符合形式审查要求"),
			new Step(REVIEWER, "Task_CountyRecommendation", GROUP, "同意推荐至市工业和信息化局"),
			new Step("lc-industry", "Task_CityAcceptance", "city-industry", "予以受理，转联审"),
			new Step("lc-industry", "Task_JointReview", "city-industry", "经审查，符合本部门相关要求，同意"),
			new Step("lc-development", "Task_JointReview", "city-development", "经审查，符合本部门相关要求，同意"),
			new Step("lc-ecology", "Task_JointReview", "city-ecology", "经审查，符合本部门相关要求，同意"),
			new Step("lc-industry", "Task_IndustryDecision", "city-industry", "同意入库"));

	static final List<String> USERS = List.of(ENTERPRISE, REVIEWER, "lc-industry", "lc-development", "lc-ecology");

	private long createAndSubmit(Http enterprise, String label, String name) {
		JsonNode draft = enterprise.expect(201, label + ":draft", "POST", "/api/applications?kind=PROJECT",
				Actor.json(ThreeKindsEndToEndTest.project(name)), "application/json", "Idempotency-Key",
				UUID.randomUUID().toString());
		long id = draft.at("/summary/id").asLong();
		for (String category : List.of("BUSINESS_LICENCE", "PROJECT_PLAN")) {
			enterprise.upload(label + ":upload", id, category);
		}
		JsonNode submitted = enterprise.expect(200, label + ":submit", "POST", "/api/applications/" + id + "/submit",
				"{\"declarationConfirmed\": true}", "application/json");
		if ("DRAFT".equals(submitted.path("status").asText())) {
			throw new AssertionError("submission not taken: " + submitted);
		}
		return id;
	}

	/**
	 * One review step as Tasklist does it: the reviewer's list of the group (first page,
	 * newest first), the case's task (waited for from {@code since}, the previous
	 * completion: "completed step → next task visible"), claim, complete with the form's
	 * decision and opinion. Answers when done.
	 */
	private long reviewStep(Http reviewer, String label, long id, Step step, long since) {
		return reviewStep(reviewer, label, id, step, "APPROVE", since);
	}

	private long reviewStep(Http reviewer, String label, long id, Step step, String decision, long since) {
		reviewer.expect(200, label + ":list", "GET", "/engine-rest/task?candidateGroup=" + step.group()
				+ "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15", null, null);
		String taskId = null;
		Instant end = Instant.now().plusSeconds(120);
		while (taskId == null) {
			JsonNode tasks = reviewer.expect(200, null, "GET", "/engine-rest/task?processInstanceBusinessKey=" + id
					+ "&taskDefinitionKey=" + step.taskKey() + "&candidateGroup=" + step.group(), null, null);
			if (!tasks.isEmpty()) {
				taskId = tasks.get(0).get("id").asText();
			}
			else if (Instant.now().isAfter(end)) {
				throw new AssertionError(step + " of " + id + " not visible within 120 s");
			}
			else {
				FaultNodes.sleep(POLL_MILLIS);
			}
		}
		results.sample(label + ":visible", (System.nanoTime() - since) / 1e6);
		reviewer.expectStatus(204, label + ":claim", "POST", "/engine-rest/task/" + taskId + "/claim",
				"{\"userId\":\"" + step.user() + "\"}", "application/json");
		String form = "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"},\"opinion\":{\"value\":\""
				+ step.opinion() + "\"}}}";
		reviewer.expectStatus(204, label + ":complete", "POST", "/engine-rest/task/" + taskId + "/submit-form", form,
				"application/json");
		return System.nanoTime();
	}

	/**
	 * Polls the enterprise's decisions of the case until one is there, then downloads it.
	 */
	private void awaitDecision(Http enterprise, String label, long id, long since) {
		Instant end = Instant.now().plusSeconds(180);
		while (true) {
			JsonNode decisions = enterprise.expect(200, null, "GET", "/api/applications/" + id + "/decisions", null,
					null);
			if (!decisions.isEmpty()) {
				long decisionId = decisions.get(0).get("id").asLong();
				HttpResponse<byte[]> pdf = enterprise.bytes("/api/applications/" + id + "/decisions/" + decisionId);
				if (pdf.statusCode() != 200 || pdf.body().length < 1000) {
					throw new AssertionError(
							"decision " + decisionId + " of " + id + " not downloadable: " + pdf.statusCode());
				}
				results.sample(label + ":decision", (System.nanoTime() - since) / 1e6);
				return;
			}
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("no decision for " + id + " within 180 s");
			}
			FaultNodes.sleep(POLL_MILLIS);
		}
	}

	/**
	 * Decisions per second: {@code count} cases taken to the recommendation and refused
	 * by {@code clients} reviewers at once while the refusal's issuing step is held (its
	 * job definition suspended by the administrator through the REST API, so that the
	 * jobs wait suspended); then the step is let go, the job executor takes the jobs
	 * (each ends its case, numbers, renders, signs and stores its decision), and the rate
	 * is the number of decisions after the first over the time from the first one's issue
	 * to the last one's ({@code issued_at}), as the reference's is a rate of documents in
	 * a loop. The time from letting go to the last decision stored, seen by one query a
	 * poll in the database so that the measured node serves no polling clients meanwhile,
	 * is noted beside it: it includes the idle job executor's wait before it looks for
	 * jobs again (up to {@code max-wait}: jobs let go are not announced to it as new ones
	 * are). Each decision is then downloaded through the API, outside the timing. The
	 * refusals' own HTTP work is not timed: the reference only renders and signs. As the
	 * raw reference is warmed (its key made, three documents issued) before it is timed,
	 * two decisions of the same body are issued first and not counted: the body's signing
	 * key is loaded (in the demo, generated) and the issuing code is warm.
	 */
	double decisionsPerSecond(FaultNodes nodes, int port, int count, int clients) throws Exception {
		Http enterprise = new Http(port, ENTERPRISE);
		Http reviewer = new Http(port, REVIEWER);
		for (int i = 0; i < 2; i++) {
			long id = createAndSubmit(enterprise, "dw", "基准测试决定书预热-" + i);
			reviewStep(reviewer, "dw", id, STEPS.get(0), System.nanoTime());
			reviewStep(reviewer, "dw", id, REFUSAL, "REFUSE", System.nanoTime());
			awaitDecision(enterprise, "dw", id, System.nanoTime());
		}
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long id = createAndSubmit(enterprise, "d", "基准测试决定书-" + i);
			reviewStep(reviewer, "d", id, STEPS.get(0), System.nanoTime());
			ids.add(id);
		}
		String stored = "SELECT count(*) FROM decision WHERE application_id IN ("
				+ String.join(",", ids.stream().map(String::valueOf).toList()) + ")";
		Http admin = new Http(port, DemoUsers.ADMIN);
		List<String> issuing = new ArrayList<>();
		admin
			.expect(200, null, "GET",
					"/engine-rest/job-definition?processDefinitionKey=project-registration&activityIdIn="
							+ ISSUING_REFUSAL,
					null, null)
			.forEach(definition -> issuing.add(definition.get("id").asText()));
		if (issuing.isEmpty()) {
			throw new AssertionError("no job definition of " + ISSUING_REFUSAL);
		}
		for (String definition : issuing) {
			admin.expect(204, null, "PUT", "/engine-rest/job-definition/" + definition + "/suspended",
					"{\"suspended\":true,\"includeJobs\":true}", "application/json");
		}
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<Long>> refusals = new ArrayList<>();
		for (long id : ids) {
			refusals.add(pool
				.submit(() -> reviewStep(new Http(port, REVIEWER), "d", id, REFUSAL, "REFUSE", System.nanoTime())));
		}
		for (Future<Long> f : refusals) {
			f.get();
		}
		pool.shutdown();
		String held = "SELECT count(*) FROM act_ru_job WHERE suspension_state_ = 2 AND job_def_id_ IN ('"
				+ String.join("','", issuing) + "')";
		Instant end = Instant.now().plusSeconds(300);
		while (nodes.count(held) < count) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("only " + nodes.count(held) + " of " + count + " issuing jobs held");
			}
			FaultNodes.sleep(POLL_MILLIS);
		}
		long begin = System.nanoTime();
		for (String definition : issuing) {
			admin.expect(204, null, "PUT", "/engine-rest/job-definition/" + definition + "/suspended",
					"{\"suspended\":false,\"includeJobs\":true}", "application/json");
		}
		while (nodes.count(stored) < count) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("only " + nodes.count(stored) + " of " + count + " decisions within 300 s");
			}
			FaultNodes.sleep(POLL_MILLIS);
		}
		double elapsed = (System.nanoTime() - begin) / 1e9;
		// The rate at which the decisions came out once issuing ran: the first one's
		// issue to the last one's (their own clock, the node's), count - 1 issues apart.
		double window = nodes.count("SELECT (extract(epoch FROM max(issued_at) - min(issued_at)) * 1000)::bigint"
				+ " FROM decision WHERE application_id IN ("
				+ String.join(",", ids.stream().map(String::valueOf).toList()) + ")") / 1000.0;
		results.notes.add(String.format(
				"decisions: %d issued %.2f s after their step was let go, the first to the last %.2f s apart", count,
				elapsed, window));
		for (long id : ids) {
			awaitDecision(enterprise, "d", id, begin);
		}
		return (count - 1) / window;
	}

	/** The step of project registration that issues the refusal (a job). */
	static final String ISSUING_REFUSAL = "Task_IssueRefusal";

	/**
	 * The county's refusal to recommend, which ends a registration with a signed refusal.
	 */
	static final Step REFUSAL = new Step(REVIEWER, "Task_CountyRecommendation", GROUP, "项目不符合本县产业布局，不予推荐");

	double rawDecisionsPerSecond(int count) {
		RawDecisionSigning raw = new RawDecisionSigning();
		for (int i = 0; i < 3; i++) {
			raw.issue(i + 1);
		}
		long begin = System.nanoTime();
		for (int i = 0; i < count; i++) {
			if (raw.issue(i + 10).length < 1000) {
				throw new AssertionError("no PDF");
			}
		}
		return count / ((System.nanoTime() - begin) / 1e9);
	}

	/**
	 * The raw reference on every core: {@code count} documents shared out to one thread
	 * per processor, each with its own signer, warmed as the one-thread reference is.
	 */
	double rawDecisionsPerSecondOnEveryCore(int count) throws Exception {
		int threads = Runtime.getRuntime().availableProcessors();
		List<RawDecisionSigning> signers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			RawDecisionSigning raw = new RawDecisionSigning();
			for (int i = 0; i < 3; i++) {
				raw.issue(i + 1);
			}
			signers.add(raw);
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<Void>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				RawDecisionSigning raw = signers.get(t);
				int first = t;
				work.add(() -> {
					for (int i = first; i < count; i += threads) {
						if (raw.issue(i + 10).length < 1000) {
							throw new AssertionError("no PDF");
						}
					}
					return null;
				});
			}
			long begin = System.nanoTime();
			for (Future<Void> f : pool.invokeAll(work)) {
				f.get();
			}
			return count / ((System.nanoTime() - begin) / 1e9);
		}
		finally {
			pool.shutdownNow();
		}
	}

	// ======================================================================== the bare
	// engine, through Java

	private static final AtomicLong BARE_KEYS = new AtomicLong(1_000_000);

	double bareCases(ProcessEngine engine, int clients, int perClient, String label) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Callable<Void>> work = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			work.add(() -> {
				for (int i = 0; i < perClient; i++) {
					bareCase(engine, label);
				}
				return null;
			});
		}
		long begin = System.nanoTime();
		for (Future<Void> f : pool.invokeAll(work)) {
			f.get();
		}
		double elapsed = (System.nanoTime() - begin) / 1e9;
		pool.shutdown();
		return clients * perClient / elapsed;
	}

	private void bareCase(ProcessEngine engine, String label) {
		long id = BARE_KEYS.incrementAndGet();
		String key = Long.toString(id);
		Map<String, Object> variables = new HashMap<>();
		variables.put("applicationId", id);
		variables.put("referenceNo", "XM-2026-" + DIVISION + "-" + id);
		variables.put("enterpriseUser", ENTERPRISE);
		variables.put("enterpriseName", "冠县演示轴承制造有限公司");
		variables.put("kind", "PROJECT");
		variables.put("divisionCode", DIVISION);
		variables.put("applicationTitle", "基准测试项目-" + id);
		variables.put("loanAmount", null);
		// What the product's routing delegate reads from the dossier (BareEngine's
		// routing evaluates the same table).
		variables.put("policyTask", 7);
		variables.put("needsNewLand", false);
		variables.put("needsEnergyUse", false);
		variables.put("needsEmissionQuota", false);
		long t = System.nanoTime();
		engine.getRuntimeService().startProcessInstanceByKey("project-registration", key, variables);
		results.sample(label + ":submit", (System.nanoTime() - t) / 1e6);
		long done = System.nanoTime();
		for (Step step : STEPS) {
			done = bareStep(engine.getTaskService(), label, key, step, done);
		}
		Instant end = Instant.now().plusSeconds(180);
		while (engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(key)
			.processDefinitionKey("project-registration")
			.finished()
			.count() == 0) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("bare engine: case " + key + " not finished within 180 s");
			}
			FaultNodes.sleep(POLL_MILLIS);
		}
		results.sample(label + ":decision", (System.nanoTime() - done) / 1e6);
	}

	private long bareStep(TaskService tasks, String label, String key, Step step, long since) {
		long t = System.nanoTime();
		tasks.createTaskQuery().taskCandidateGroup(step.group()).orderByTaskCreateTime().desc().listPage(0, 15);
		results.sample(label + ":list", (System.nanoTime() - t) / 1e6);
		Task task = null;
		Instant end = Instant.now().plusSeconds(120);
		while (task == null) {
			task = tasks.createTaskQuery()
				.processInstanceBusinessKey(key)
				.taskDefinitionKey(step.taskKey())
				.taskCandidateGroup(step.group())
				.singleResult();
			if (task == null) {
				if (Instant.now().isAfter(end)) {
					throw new AssertionError("bare engine: " + step + " of " + key + " not visible");
				}
				FaultNodes.sleep(POLL_MILLIS);
			}
		}
		results.sample(label + ":visible", (System.nanoTime() - since) / 1e6);
		t = System.nanoTime();
		tasks.claim(task.getId(), step.user());
		results.sample(label + ":claim", (System.nanoTime() - t) / 1e6);
		t = System.nanoTime();
		tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", step.opinion()));
		results.sample(label + ":complete", (System.nanoTime() - t) / 1e6);
		return System.nanoTime();
	}

	// ======================================================================== the lists

	/**
	 * The reviewer's task list (Tasklist's first page and count) and the enterprise's
	 * list of applications, p95 of 40 calls each, with the product's database holding
	 * each size of open cases in turn. The open cases are seeded through the engine in
	 * batches of 500 per transaction: rows of {@code application} (submitted, at the
	 * county's formal review) for the two other demo enterprises, and a
	 * project-registration instance each, waiting at the formal review of their county
	 * (东昌府区 and 临清市, half each), with the task authorizations the product's engine
	 * creates. The measured reviewer is 东昌府区's ({@code dcf-industry}), who sees half of
	 * them; the measured enterprise is 冠县's, whose own list stays the same size while the
	 * table grows.
	 */
	void lists(FaultNodes nodes, int port) throws Exception {
		Map<Integer, double[]> p95 = new LinkedHashMap<>();
		int seeded = 0;
		try (BareEngine seeder = BareEngine.on(nodes.database.url(), nodes.database.user(), nodes.database.password(),
				"bench-seeder", false)) {
			for (int size : OPEN) {
				long begin = System.nanoTime();
				seed(nodes, seeder, seeded, size);
				results.notes.add(String.format("seeded %d → %d open cases in %.0f s", seeded, size,
						(System.nanoTime() - begin) / 1e9));
				seeded = size;
				Http reviewer = new Http(port, "dcf-industry");
				Http enterprise = new Http(port, ENTERPRISE);
				String department = reviewer
					.expect(200, null, "GET",
							"/engine-rest/filter?resourceType=Task&name="
									+ URLEncoder.encode(DEPARTMENT_FILTER, StandardCharsets.UTF_8),
							null, null)
					.get(0)
					.get("id")
					.asText();
				String label = "open" + size;
				for (int i = 0; i < 45; i++) {
					String sample = i < 5 ? null : label; // five warm-up calls
					reviewer.expect(200, sample == null ? null : sample + ":tasks", "GET",
							"/engine-rest/task?candidateGroup=county-371502-industry&sortBy=created&sortOrder=desc"
									+ "&firstResult=0&maxResults=15",
							null, null);
					reviewer.expect(200, sample == null ? null : sample + ":count", "GET",
							"/engine-rest/task/count?candidateGroup=county-371502-industry", null, null);
					// What Tasklist itself asks when the reviewer opens 本部门待办: the first
					// page with the filter's count (HAL), and, every minute, every
					// filter's count.
					reviewer.expect(200, sample == null ? null : sample + ":tasklist", "POST",
							"/engine-rest/filter/" + department + "/list?firstResult=0&maxResults=15",
							"{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}", "application/json",
							"Accept", "application/hal+json");
					reviewer.expect(200, sample == null ? null : sample + ":filters", "GET",
							"/engine-rest/filter?resourceType=Task&itemCount=true", null, null);
					enterprise.expect(200, sample == null ? null : sample + ":enterprise", "GET", "/api/applications",
							null, null);
				}
				p95.put(size, new double[] { results.percentile(label + ":tasks", 95),
						results.percentile(label + ":count", 95), results.percentile(label + ":tasklist", 95),
						results.percentile(label + ":filters", 95), results.percentile(label + ":enterprise", 95) });
			}
		}
		int small = OPEN.get(0);
		int large = OPEN.get(OPEN.size() - 1);
		String[] names = { "reviewer task list, first page", "reviewer task count",
				"Tasklist's 本部门待办, first page with its count", "Tasklist's counts of every filter", "enterprise list" };
		for (int k = 0; k < names.length; k++) {
			for (int size : OPEN) {
				results.figure("lists", names[k] + " p95, " + size + " open", p95.get(size)[k], "ms");
			}
			results.compare("targets", names[k] + " p95 " + large + " vs " + small + " open", p95.get(large)[k], "ms",
					p95.get(small)[k], "p95 at " + small + " open", "≤ 1.5×",
					p95.get(large)[k] <= 1.5 * p95.get(small)[k]);
		}
	}

	/** A demo enterprise whose submitted applications fill the lists. */
	private record Owner(long enterpriseId, String division, String user, String name) {
	}

	/**
	 * Seeds open cases {@code from} to {@code to} in batches of {@link #SEED_BATCH},
	 * {@link #SEED_THREADS} batches at a time: each batch inserts its applications in one
	 * transaction and starts their process instances in another, through the engine's
	 * API.
	 */
	private void seed(FaultNodes nodes, BareEngine seeder, int from, int to) throws Exception {
		ProcessEngine engine = seeder.engine;
		List<Owner> owners = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(nodes.database.url(), nodes.database.user(),
				nodes.database.password());
				PreparedStatement s = c.prepareStatement(
						"SELECT id, division_code, user_id, name FROM enterprise WHERE user_id IN ('ent-dcf', 'ent-lq') ORDER BY user_id");
				ResultSet r = s.executeQuery()) {
			while (r.next()) {
				owners.add(new Owner(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
			}
		}
		if (owners.size() != 2) {
			throw new AssertionError("demo enterprises ent-dcf and ent-lq not found: " + owners);
		}
		ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
		try {
			List<Future<Void>> batches = new ArrayList<>();
			for (int start = from; start < to; start += SEED_BATCH) {
				int first = start;
				int end = Math.min(to, start + SEED_BATCH);
				batches.add(pool.submit(() -> {
					seedBatch(seeder.dataSource, engine, owners, first, end);
					return null;
				}));
			}
			for (Future<Void> batch : batches) {
				batch.get();
			}
			// What autovacuum does after such growth in production; on the loaded shared
			// server it may not get to it before the measurement, and the planner then
			// joins the grown tables as if they were empty.
			try (Connection c = seeder.dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
				s.execute(
						"ANALYZE application, act_ru_task, act_ru_identitylink, act_ru_authorization, act_ru_execution");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void seedBatch(DataSource dataSource, ProcessEngine engine, List<Owner> owners, int start, int end)
			throws SQLException {
		List<long[]> created = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement insert = c.prepareStatement(
					"""
							INSERT INTO application (reference_no, kind, enterprise_id, division_code, status, creation_key,
							    version, project_name, total_investment, equipment_investment, submitted_project_name,
							    submitted_total_investment, submitted_equipment_investment, created_at, updated_at, submitted_at)
							VALUES (?, 'PROJECT', ?, ?, 'COUNTY_REVIEW', ?, 1, ?, 8000000, 5000000, ?, 8000000, 5000000, now(),
							    now(), now())
							RETURNING id""")) {
				for (int i = start; i < end; i++) {
					Owner o = owners.get(i % 2);
					insert.setString(1, "BENCH-" + o.division() + "-" + i);
					insert.setLong(2, o.enterpriseId());
					insert.setString(3, o.division());
					insert.setString(4, "bench-" + i);
					insert.setString(5, "基准测试在办项目-" + i);
					insert.setString(6, "基准测试在办项目-" + i);
					try (ResultSet r = insert.executeQuery()) {
						r.next();
						created.add(new long[] { r.getLong(1), i % 2 });
					}
				}
			}
			c.commit();
		}
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				for (long[] a : created) {
					Owner o = owners.get((int) a[1]);
					Map<String, Object> v = new HashMap<>();
					v.put("applicationId", a[0]);
					v.put("referenceNo", "BENCH-" + o.division() + "-" + a[0]);
					v.put("enterpriseUser", o.user());
					v.put("enterpriseName", o.name());
					v.put("kind", "PROJECT");
					v.put("divisionCode", o.division());
					v.put("applicationTitle", "基准测试在办项目-" + a[0]);
					engine.getRuntimeService()
						.startProcessInstanceByKey("project-registration", Long.toString(a[0]), v);
				}
				return null;
			});
	}

	// ======================================================================== helpers

	/**
	 * A client with Basic authentication; timed calls record their milliseconds under a
	 * sample name.
	 */
	final class Http {

		private final HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private final int port;

		private final String authorization;

		Http(int port, String user) {
			this.port = port;
			this.authorization = "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
		}

		JsonNode expect(int status, String sample, String method, String path, String body, String contentType,
				String... headers) {
			HttpResponse<String> r = send(sample, method, path,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
					contentType, headers);
			if (r.statusCode() != status) {
				throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
			}
			return r.body().isEmpty() ? null : Actor.parse(r.body());
		}

		void expectStatus(int status, String sample, String method, String path, String body, String contentType) {
			HttpResponse<String> r = send(sample, method, path, HttpRequest.BodyPublishers.ofString(body), contentType);
			if (r.statusCode() != status) {
				throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
			}
		}

		void upload(String sample, long applicationId, String category) {
			String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ category.toLowerCase() + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(ThreeKindsEndToEndTest.PDF);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> r = send(sample, "POST",
					"/api/applications/" + applicationId + "/attachments?category=" + category,
					HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
					"multipart/form-data; boundary=" + boundary, "Idempotency-Key", UUID.randomUUID().toString());
			if (r.statusCode() != 201) {
				throw new AssertionError("upload answered " + r.statusCode() + ": " + r.body());
			}
		}

		HttpResponse<byte[]> bytes(String path) {
			try {
				return http.send(request("GET", path, HttpRequest.BodyPublishers.noBody(), null).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		private HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body,
				String contentType, String... headers) {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(120))
				.header("Authorization", authorization)
				.method(method, body);
			if (contentType != null) {
				b.header("Content-Type", contentType);
			}
			for (int i = 0; i + 1 < headers.length; i += 2) {
				b.header(headers[i], headers[i + 1]);
			}
			return b;
		}

		private HttpResponse<String> send(String sample, String method, String path, HttpRequest.BodyPublisher body,
				String contentType, String... headers) {
			long t = System.nanoTime();
			if (countRequests) {
				requests.incrementAndGet();
			}
			try {
				HttpResponse<String> r = http.send(request(method, path, body, contentType, headers).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (sample != null) {
					results.sample(sample, (System.nanoTime() - t) / 1e6);
				}
				return r;
			}
			catch (IOException e) {
				throw new IllegalStateException(method + " " + path + ": " + e, e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

	}

	/**
	 * Samples a process's resident set size (VmRSS) twice a second until stopped; answers
	 * the maximum in MB.
	 */
	static final class RssSampler {

		private final AtomicInteger maxKb = new AtomicInteger();

		private final Thread thread;

		private volatile boolean running = true;

		RssSampler(long pid) {
			thread = new Thread(() -> {
				while (running) {
					try {
						for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
							if (line.startsWith("VmRSS:")) {
								int kb = Integer.parseInt(line.replaceAll("\\D", ""));
								maxKb.accumulateAndGet(kb, Math::max);
							}
						}
					}
					catch (IOException | RuntimeException gone) {
						return;
					}
					FaultNodes.sleep(500);
				}
			}, "rss-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		double stop() throws InterruptedException {
			running = false;
			thread.join(TimeUnit.SECONDS.toMillis(5));
			return maxKb.get() / 1024.0;
		}

	}

}

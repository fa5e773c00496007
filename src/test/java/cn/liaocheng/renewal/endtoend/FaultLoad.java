package cn.liaocheng.renewal.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The load of a fault test: {@code clients} accountants of one enterprise (冠县,
 * {@code ent-gx}) each registering {@code perClient} projects one after the other (draft
 * with its Idempotency-Key, business licence and project plan with theirs, submit), and,
 * if asked, two county reviewers ({@code gx-industry}) taking each submitted case through
 * the formal review (approve) and the recommendation (refuse, so that each case ends in a
 * signed decision issued by a job). Records what the server acknowledged;
 * {@link FaultReport} compares that with the database.
 */
final class FaultLoad {

	static final String ENTERPRISE = "ent-gx";

	static final String REVIEWER = "gx-industry";

	static final int REVIEWERS = 2;

	/**
	 * A submission the server acknowledged: 200 with the application past its draft and a
	 * reference number.
	 */
	record Acknowledged(String projectName, long id, String referenceNo, Instant at) {
	}

	final String label;

	final int clients;

	final int perClient;

	final boolean decide;

	final FaultClient.Traffic traffic = new FaultClient.Traffic();

	final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();

	/**
	 * Refusals of the recommendation answered with success: each must end in a decision.
	 */
	final Set<Long> refusalsAcknowledged = ConcurrentHashMap.newKeySet();

	/**
	 * Refusals whose answer was lost but which the database shows done (found on
	 * re-sending).
	 */
	final Set<Long> refusalsFoundDone = ConcurrentHashMap.newKeySet();

	/**
	 * Clients that gave up (a request still unclear after their patience) or were refused
	 * outright.
	 */
	final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final FaultNodes nodes;

	private final List<Integer> ports;

	private final BlockingQueue<Long> toReview = new LinkedBlockingQueue<>();

	private final CountDownLatch enterprisesDone;

	/** Every client, enterprises and reviewers, done or given up. */
	private final CountDownLatch clientsDone;

	private final ExecutorService pool;

	Instant started;

	Instant finished;

	FaultLoad(FaultNodes nodes, List<Integer> ports, String label, int clients, int perClient, boolean decide) {
		this.nodes = nodes;
		this.ports = ports;
		this.label = label;
		this.clients = clients;
		this.perClient = perClient;
		this.decide = decide;
		this.enterprisesDone = new CountDownLatch(clients);
		this.clientsDone = new CountDownLatch(clients + (decide ? REVIEWERS : 0));
		this.pool = Executors.newFixedThreadPool(clients + (decide ? REVIEWERS : 0));
	}

	/**
	 * Cases a test runs: {@code standard}, or {@code -Drenewal.fault.cases=N} for a
	 * longer run.
	 */
	static int cases(int standard) {
		return Integer.getInteger("renewal.fault.cases", standard);
	}

	int total() {
		return clients * perClient;
	}

	void start() {
		started = Instant.now();
		for (int c = 0; c < clients; c++) {
			int client = c;
			pool.submit(() -> counted(() -> enterprise(client)));
		}
		if (decide) {
			for (int r = 0; r < REVIEWERS; r++) {
				int reviewer = r;
				pool.submit(() -> counted(() -> reviewer(reviewer)));
			}
		}
	}

	private void counted(Runnable client) {
		try {
			client.run();
		}
		finally {
			clientsDone.countDown();
		}
	}

	/** Whether every client is done (or has given up): nothing more will be sent. */
	boolean done() {
		return clientsDone.getCount() == 0;
	}

	private void enterprise(int client) {
		FaultClient accountant = new FaultClient(ENTERPRISE, ports, client, traffic);
		try {
			for (int i = 1; i <= perClient; i++) {
				String name = "故障测试项目-" + label + "-" + client + "-" + i;
				long id = accountant.createDraft(name);
				accountant.attach(id, "BUSINESS_LICENCE");
				accountant.attach(id, "PROJECT_PLAN");
				JsonNode summary = accountant.submit(id);
				String referenceNo = summary.path("referenceNo").asText(null);
				if (!"DRAFT".equals(summary.path("status").asText()) && referenceNo != null) {
					acknowledged.put(name, new Acknowledged(name, id, referenceNo, Instant.now()));
					toReview.add(id);
				}
				else {
					failures.add(name + ": submission answered " + summary);
				}
			}
		}
		catch (RuntimeException | AssertionError e) {
			failures.add("enterprise client " + client + ": " + e.getMessage());
		}
		finally {
			enterprisesDone.countDown();
		}
	}

	private void reviewer(int number) {
		FaultClient county = new FaultClient(REVIEWER, ports, number + 1, traffic);
		try {
			while (true) {
				Long id = toReview.poll(500, TimeUnit.MILLISECONDS);
				if (id == null) {
					if (enterprisesDone.getCount() == 0 && toReview.isEmpty()) {
						return;
					}
					continue;
				}
				county.complete(id, "Task_CountyFormalReview", "APPROVE", "材料齐全，符合形式审查要求",
						() -> completed(id, "Task_CountyFormalReview"));
				boolean answered = county.complete(id, "Task_CountyRecommendation", "REFUSE", "项目不符合本县产业布局，不予推荐",
						() -> completed(id, "Task_CountyRecommendation"));
				(answered ? refusalsAcknowledged : refusalsFoundDone).add(id);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | AssertionError e) {
			failures.add("reviewer " + number + ": " + e.getMessage());
		}
	}

	private boolean completed(long id, String taskKey) {
		return Integer.parseInt(
				nodes
					.rowsPatiently(
							"SELECT count(*) FROM act_hi_taskinst t JOIN act_hi_procinst p"
									+ " ON p.id_ = t.proc_inst_id_ WHERE p.business_key_ = ? AND t.task_def_key_ = ?"
									+ " AND t.end_time_ IS NOT NULL AND t.delete_reason_ = 'completed'",
							Long.toString(id), taskKey)
					.get(0)) > 0;
	}

	/**
	 * Waits until at least {@code count} submissions are acknowledged (the moment to
	 * strike), or fails.
	 */
	void awaitAcknowledged(int count, Duration within) {
		Instant end = Instant.now().plus(within);
		while (acknowledged.size() < count) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError(
						"only " + acknowledged.size() + " of " + count + " submissions acknowledged within "
								+ within.toSeconds() + " s; " + failures + "; " + traffic.summary());
			}
			FaultNodes.sleep(100);
		}
	}

	/** Waits for every client to finish (done or given up). */
	void finish() throws InterruptedException {
		pool.shutdown();
		if (!pool.awaitTermination(FaultClient.PATIENCE.toMinutes() * 3 + 1, TimeUnit.MINUTES)) {
			pool.shutdownNow();
			failures.add("clients still busy after " + (FaultClient.PATIENCE.toMinutes() * 3 + 1) + " min");
		}
		finished = Instant.now();
	}

	/** The last acknowledgement, or null. */
	Instant lastAcknowledged() {
		return acknowledged.values().stream().map(Acknowledged::at).max(Instant::compareTo).orElse(null);
	}

	/** The first acknowledgement after {@code moment}, or null. */
	Instant firstAcknowledgedAfter(Instant moment) {
		return acknowledged.values()
			.stream()
			.map(Acknowledged::at)
			.filter(moment::isBefore)
			.min(Instant::compareTo)
			.orElse(null);
	}

}

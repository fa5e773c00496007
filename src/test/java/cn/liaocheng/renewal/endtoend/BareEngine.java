package cn.liaocheng.renewal.endtoend;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The benchmark's reference engine: a bare Camunda engine of the same version, through
 * its Java API, on a PostgreSQL database of its own, running the same models as the
 * product (every file of {@code bpmn/} and {@code forms/} deployed unchanged). Every bean
 * the models name ({@code ${issueDecisionDelegate}}, {@code ${reviewTaskListener}}, …) is
 * a no-op, so that what remains is the engine's own work: parsing, the call activities,
 * I/O mappings, gateways, history at level full, the asynchronous continuation before a
 * decision and its job executor (same lock time and maximum wait as the product's). The
 * same class, without job executor, seeds open cases into the product's own database for
 * the list measurements.
 */
final class BareEngine implements AutoCloseable {

	/**
	 * Everything a model names, done by nothing: a service task, an execution listener or
	 * a task listener.
	 */
	static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}

	}

	/**
	 * {@code ${reviewRouting.split(...)}} in the joint review: a comma-separated list.
	 */
	public static final class Routing {

		public List<String> split(String values) {
			return values == null || values.isBlank() ? List.of()
					: Arrays.stream(values.split(",")).map(String::strip).toList();
		}

	}

	/**
	 * {@code ${reviewDeadlines.standard()}}, the start of every review task's overdue
	 * timer: seven calendar days on, about the product's five working days (the timer is
	 * created either way; it never fires during a run).
	 */
	public static final class Deadlines {

		public Date standard() {
			return Date.from(Instant.now().plus(Duration.ofDays(7)));
		}

	}

	private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+(?:Delegate|Listener))\\}");

	final ProcessEngine engine;

	/**
	 * The engine's pool; the seeder writes the applications through it too, so it opens
	 * no connections of its own.
	 */
	final HikariDataSource dataSource;

	private BareEngine(ProcessEngine engine, HikariDataSource dataSource) {
		this.engine = engine;
		this.dataSource = dataSource;
	}

	/**
	 * An engine on this database. {@code reference}: creates the schema, deploys the
	 * models and runs a job executor, as the product does; otherwise (seeding the
	 * product's database) it uses the schema and models already there, runs no jobs and
	 * creates the task authorizations the product's engine would (authorization checks
	 * on).
	 */
	static BareEngine on(String url, String user, String password, String name, boolean reference) throws IOException {
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setPassword(password);
		// The product's pool size (RENEWAL_DB_POOL, 20), idle connections given back: the
		// PostgreSQL server is shared.
		pool.setMaximumPoolSize(20);
		pool.setMinimumIdle(2);
		pool.setPoolName(name);
		HikariDataSource dataSource = new HikariDataSource(pool);
		StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
		c.setProcessEngineName(name);
		c.setDataSource(dataSource);
		c.setDatabaseSchemaUpdate(reference ? "true" : "false");
		c.setHistory("full");
		c.setAuthorizationEnabled(!reference);
		if (!reference) {
			// The grants the product's engine makes for each task (security's
			// TaskWorkPlugin): TASK_WORK on the task and READ on its history, so that the
			// authorization table grows as in production.
			c.setDefaultUserPermissionNameForTask("TASK_WORK");
			c.setEnableHistoricInstancePermissions(true);
			// The product's database has no CMMN tables (application.yaml turns CMMN
			// off).
			c.setCmmnEnabled(false);
			c.setStandaloneTasksEnabled(false);
		}
		c.setJobExecutorActivate(reference);
		c.setJobExecutorDeploymentAware(false);
		// Camunda's defaults as the Spring Boot starter has them (3 threads, 3 jobs an
		// acquisition), with the product's lock time and maximum wait (application.yaml).
		org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor jobs = new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
		jobs.setLockTimeInMillis(30_000);
		jobs.setMaxWait(10_000);
		c.setJobExecutor(jobs);
		c.setEnforceHistoryTimeToLive(true);
		c.setMetricsEnabled(false);
		Map<Object, Object> beans = new HashMap<>();
		NoOp noOp = new NoOp();
		for (Path model : models("bpmn")) {
			Matcher m = BEAN.matcher(Files.readString(model));
			while (m.find()) {
				beans.put(m.group(1), noOp);
			}
		}
		beans.put("reviewRouting", new Routing());
		beans.put("reviewDeadlines", new Deadlines());
		// The two whose results the models branch on: the joint review's bodies from the
		// same routing table the product's delegate evaluates (with the facts it reads
		// from the dossier, here process variables), and the summary's outcome when every
		// body agreed.
		beans.put("routeJointReviewDelegate", (JavaDelegate) execution -> {
			// The joint review is a called process: the facts are the calling case's
			// variables.
			org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity caller = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution)
				.getProcessInstance()
				.getSuperExecution();
			Map<String, Object> facts = new HashMap<>();
			for (String fact : List.of("kind", "policyTask", "needsNewLand", "needsEnergyUse", "needsEmissionQuota")) {
				Object value = execution.getVariable(fact);
				facts.put(fact, value == null && caller != null ? caller.getVariable(fact) : value);
			}
			List<String> bodies = execution.getProcessEngineServices()
				.getDecisionService()
				.evaluateDecisionTableByKey("joint-review-routing", facts)
				.collectEntries("body");
			execution.setVariable("reviewBodies", String.join(",", new java.util.LinkedHashSet<>(bodies)));
		});
		beans.put("summariseJointReviewDelegate",
				(JavaDelegate) execution -> execution.setVariable("jointOutcome", "DONE"));
		c.setBeans(beans);
		ProcessEngine engine = c.buildProcessEngine();
		if (reference) {
			DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("benchmark");
			for (Path file : Stream.concat(models("bpmn").stream(), models("forms").stream()).toList()) {
				deployment.addInputStream(file.getFileName().toString(),
						new ByteArrayInputStream(Files.readAllBytes(file)));
			}
			deployment.deploy();
		}
		return new BareEngine(engine, dataSource);
	}

	private static List<Path> models(String folder) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(folder))) {
			return files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).sorted().toList();
		}
	}

	@Override
	public void close() {
		engine.close();
		dataSource.close();
	}

}

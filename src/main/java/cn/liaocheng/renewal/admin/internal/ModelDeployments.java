package cn.liaocheng.renewal.admin.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;

/**
 * Deploys what an administrator uploads or edits in the browser. The checks run inside
 * the engine (see {@link DeploymentValidationPlugin}); here a refusal is turned into a
 * list of problems to show. Whether a file is the same as the latest version is looked
 * at, and the file deployed, holding the deployments' turn ({@link ModelLocks}).
 */
@Service
class ModelDeployments {

	/**
	 * The deployment name of the administration page; the start-up deployment has its
	 * own, so they never clash.
	 */
	static final String DEPLOYMENT_NAME = "admin-models";

	static final String SOURCE = "管理页面";

	private final RepositoryService repository;

	private final ActingUser actingUser;

	private final LatestVersions latest;

	private final ModelLocks locks;

	ModelDeployments(RepositoryService repository, ActingUser actingUser, LatestVersions latest, ModelLocks locks) {
		this.repository = repository;
		this.actingUser = actingUser;
		this.latest = latest;
		this.locks = locks;
	}

	/**
	 * Deploys the files together. A file the same as the latest version of everything it
	 * defines (whichever door deployed that version: this page, Camunda Modeler, the
	 * start-up) makes no new version; one the same as an earlier version, as when an
	 * administrator restores it, makes a new one.
	 */
	DeployOutcome deploy(String userId, Map<String, byte[]> resources) {
		if (resources.isEmpty()) {
			return DeployOutcome.refused(List.of(new ModelProblem("", null, "没有选择要部署的文件")));
		}
		try {
			return locks.holding(transaction -> deployHolding(userId, resources, transaction));
		}
		catch (ModelLocks.Busy busy) {
			return DeployOutcome.refused(List.of(new ModelProblem("", null, busy.getMessage())));
		}
	}

	/**
	 * {@link #deploy(String, Map)} in a transaction that holds the deployments' turn; a
	 * refusal rolls the transaction back.
	 */
	DeployOutcome deployHolding(String userId, Map<String, byte[]> resources, TransactionStatus transaction) {
		Map<String, byte[]> changed = new LinkedHashMap<>();
		resources.forEach((name, bytes) -> {
			if (!latest.isLatest(name, bytes)) {
				changed.put(name, bytes);
			}
		});
		if (changed.isEmpty()) {
			return DeployOutcome.unchanged(null);
		}
		DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE);
		changed.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
		// Acting as the administrator: the engine checks and audits the deployment in
		// their name.
		DeployOutcome outcome = actingUser.as(userId, () -> deploy(builder, changed));
		if (!outcome.deployed()) {
			// The engine marked the transaction when it refused; marking it here too
			// makes its end a rollback rather than a failed commit.
			transaction.setRollbackOnly();
		}
		return outcome;
	}

	/** A file's name without any folder (a browser's, or the server's for start-up). */
	static String fileName(String name) {
		if (name == null) {
			return "";
		}
		String n = name.replace('\\', '/');
		return n.substring(n.lastIndexOf('/') + 1).trim();
	}

	private static DeployOutcome deploy(DeploymentBuilder builder, Map<String, byte[]> resources) {
		try {
			DeploymentWithDefinitions deployment = builder.deployWithResult();
			List<String> versions = new ArrayList<>();
			for (ProcessDefinition p : orEmpty(deployment.getDeployedProcessDefinitions())) {
				versions.add("流程 " + p.getKey() + " 版本 " + p.getVersion());
			}
			orEmpty(deployment.getDeployedDecisionDefinitions())
				.forEach(d -> versions.add("决策表 " + d.getKey() + " 版本 " + d.getVersion()));
			if (versions.isEmpty()) {
				versions.add("表单 " + String.join("、", resources.keySet()));
			}
			return DeployOutcome.deployed(deployment.getId(), versions);
		}
		catch (ModelValidationException e) {
			return DeployOutcome.refused(e.problems());
		}
		catch (ParseException e) {
			return DeployOutcome.refused(fromEngine(e));
		}
		catch (ProcessEngineException e) {
			return DeployOutcome.refused(List.of(new ModelProblem("", null, "引擎拒绝了部署：" + e.getMessage())));
		}
	}

	/**
	 * Problems the engine's own parser found after the checks passed (its messages are in
	 * English).
	 */
	private static List<ModelProblem> fromEngine(ParseException e) {
		List<ModelProblem> problems = new ArrayList<>();
		for (ResourceReport report : e.getResorceReports()) {
			for (Problem p : report.getErrors()) {
				problems
					.add(new ModelProblem(report.getResourceName(), p.getMainElementId(), "引擎解析错误：" + p.getMessage()));
			}
		}
		if (problems.isEmpty()) {
			problems.add(new ModelProblem("", null, "引擎解析错误：" + e.getMessage()));
		}
		return problems;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	/**
	 * What became of a deployment: the new versions, "nothing changed", or every problem.
	 */
	record DeployOutcome(boolean deployed, boolean unchanged, String deploymentId, List<String> versions,
			List<ModelProblem> problems) {

		static DeployOutcome deployed(String deploymentId, List<String> versions) {
			return new DeployOutcome(true, false, deploymentId, versions, List.of());
		}

		static DeployOutcome unchanged(String deploymentId) {
			return new DeployOutcome(true, true, deploymentId, List.of(), List.of());
		}

		static DeployOutcome refused(List<ModelProblem> problems) {
			return new DeployOutcome(false, false, null, List.of(), problems);
		}

		String message() {
			if (!deployed) {
				return ModelValidationException.summary(problems);
			}
			return unchanged() ? "文件与已部署的版本相同，没有生成新版本。" : "已部署：" + String.join("，", versions) + "。";
		}

	}

}

package cn.liaocheng.renewal.admin.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.audit.AuditTrail;

/**
 * Writes a new deployment to the audit trail (who, what: each file with its SHA-256, and
 * the versions it made) and keeps its files' bytes ({@link DeployedFiles}); writes a
 * deployment's deletion to the audit trail with the same file list.
 */
@Component
class DeploymentAudit {

	static final String MODEL_DEPLOYED = "MODEL_DEPLOYED";

	static final String MODEL_DEPLOYMENT_DELETED = "MODEL_DEPLOYMENT_DELETED";

	static final String SYSTEM = "system";

	private final AuditTrail audit;

	private final DeployedFiles files;

	DeploymentAudit(AuditTrail audit, DeployedFiles files) {
		this.audit = audit;
		this.files = files;
	}

	/** Called by the engine inside the deployment's transaction. */
	void deployed(String userId, DeploymentEntity deployment) {
		List<String> parts = new ArrayList<>();
		parts.add("名称：" + deployment.getName());
		if (deployment.getSource() != null) {
			parts.add("来源：" + deployment.getSource());
		}
		deployment.getResources()
			.forEach((name, resource) -> parts.add("文件：" + shortName(name) + " sha256=" + sha256(resource.getBytes())));
		for (ProcessDefinition p : orEmpty(deployment.getDeployedProcessDefinitions())) {
			parts.add("流程：" + p.getKey() + " 版本 " + p.getVersion());
		}
		for (DecisionDefinition d : orEmpty(deployment.getDeployedDecisionDefinitions())) {
			parts.add("决策表：" + d.getKey() + " 版本 " + d.getVersion());
		}
		String actor = userId == null ? SYSTEM : userId;
		audit.record(actor, MODEL_DEPLOYED, "deployment:" + deployment.getId(), String.join("；", parts));
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		deployment.getResources().forEach((name, resource) -> bytes.put(name, resource.getBytes()));
		files.keep(deployment.getId(), deployedAt(deployment), actor, bytes);
	}

	/**
	 * Called by the engine inside the deletion's transaction, after the deletion was
	 * allowed: the entry is written only if the deployment is really deleted.
	 */
	void deleted(String userId, DeploymentEntity deployment, List<ResourceEntity> resources) {
		List<String> parts = new ArrayList<>();
		parts.add("名称：" + deployment.getName());
		if (deployment.getSource() != null) {
			parts.add("来源：" + deployment.getSource());
		}
		resources.forEach(r -> parts.add("文件：" + shortName(r.getName()) + " sha256=" + sha256(r.getBytes())));
		audit.record(userId == null ? SYSTEM : userId, MODEL_DEPLOYMENT_DELETED, "deployment:" + deployment.getId(),
				String.join("；", parts));
	}

	private static Instant deployedAt(DeploymentEntity deployment) {
		return deployment.getDeploymentTime() == null ? Instant.now() : deployment.getDeploymentTime().toInstant();
	}

	/**
	 * A resource as the administrator knows it: {@code bpmn/county-review.bpmn}, not the
	 * start-up deployment's absolute path on the server.
	 */
	static String shortName(String name) {
		String[] segments = name.replace('\\', '/').split("/");
		return segments.length < 2 ? name : segments[segments.length - 2] + "/" + segments[segments.length - 1];
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}

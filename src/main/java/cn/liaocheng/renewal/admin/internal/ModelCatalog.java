package cn.liaocheng.renewal.admin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Service;

/**
 * The deployed processes and decision tables, every version, and how many cases run on
 * each process version.
 */
@Service
class ModelCatalog {

	private final RepositoryService repository;

	private final ManagementService management;

	ModelCatalog(RepositoryService repository, ManagementService management) {
		this.repository = repository;
		this.management = management;
	}

	/**
	 * Processes by key, newest version first; three queries in all, however many cases
	 * run.
	 */
	List<Model> processes() {
		Map<String, Long> running = management.createProcessDefinitionStatisticsQuery()
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessDefinitionStatistics::getId, s -> (long) s.getInstances()));
		Map<String, Instant> deployedAt = deploymentTimes();
		Map<String, List<Version>> byKey = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey()
			.asc()
			.orderByProcessDefinitionVersion()
			.desc()
			.list()
			.forEach(p -> {
				names.putIfAbsent(p.getKey(), p.getName() == null ? p.getKey() : p.getName());
				byKey.computeIfAbsent(p.getKey(), k -> new ArrayList<>())
					.add(new Version(p.getId(), p.getVersion(), p.getResourceName(),
							deployedAt.get(p.getDeploymentId()), running.getOrDefault(p.getId(), 0L)));
			});
		return byKey.entrySet().stream().map(e -> new Model(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
	}

	List<Model> decisions() {
		Map<String, Instant> deployedAt = deploymentTimes();
		Map<String, List<Version>> byKey = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		repository.createDecisionDefinitionQuery()
			.orderByDecisionDefinitionKey()
			.asc()
			.orderByDecisionDefinitionVersion()
			.desc()
			.list()
			.forEach(d -> {
				names.putIfAbsent(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
				byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>())
					.add(new Version(d.getId(), d.getVersion(), d.getResourceName(),
							deployedAt.get(d.getDeploymentId()), 0));
			});
		return byKey.entrySet().stream().map(e -> new Model(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
	}

	Model process(String key) {
		return processes().stream()
			.filter(m -> m.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new UnknownModelException(key));
	}

	private Map<String, Instant> deploymentTimes() {
		return repository.createDeploymentQuery()
			.list()
			.stream()
			.collect(Collectors.toMap(Deployment::getId, d -> d.getDeploymentTime().toInstant(), (a, b) -> a,
					LinkedHashMap::new));
	}

	/** A process or decision table with its versions, newest first. */
	record Model(String key, String name, List<Version> versions) {

		public Version latest() {
			return versions.get(0);
		}

		public long runningCases() {
			return versions.stream().mapToLong(Version::runningCases).sum();
		}

		public Map<String, Version> byId() {
			return versions.stream().collect(Collectors.toMap(Version::id, Function.identity()));
		}

	}

	record Version(String id, int version, String resourceName, Instant deployedAt, long runningCases) {
	}

	/** Asked for a process that is not deployed. */
	static class UnknownModelException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnknownModelException(String key) {
			super("没有名为 “" + key + "” 的流程或版本");
		}

	}

}

package cn.liaocheng.renewal.admin.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of every new deployment, bytes included, kept apart from the engine: a
 * deployment the engine deletes, or a history it cleans, leaves the model that signed a
 * decision readable. Rows are only ever inserted; each distinct content is stored once.
 */
@Component
class DeployedFiles {

	private final JdbcClient jdbc;

	DeployedFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a new deployment's files; called inside the deployment's transaction, so
	 * nothing is kept for a deployment that is refused or rolled back.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void keep(String deploymentId, Instant deployedAt, String deployedBy, Map<String, byte[]> resources) {
		Timestamp at = Timestamp.from(deployedAt);
		resources.forEach((name, bytes) -> {
			String sha256 = DeploymentAudit.sha256(bytes);
			// Every deployment holds the deployments' turn (ModelLocks) until it commits,
			// on both databases and whichever door it came through, so no other
			// transaction inserts the same content in between.
			boolean known = jdbc.sql("SELECT COUNT(*) FROM deployed_model_content WHERE sha256 = ?")
				.param(sha256)
				.query(Long.class)
				.single() > 0;
			if (!known) {
				jdbc.sql(
						"INSERT INTO deployed_model_content (sha256, size_bytes, stored_at, content) VALUES (?, ?, ?, ?)")
					.params(sha256, bytes.length, at, bytes)
					.update();
			}
			jdbc.sql(
					"""
							INSERT INTO deployed_model_file (deployment_id, resource_name, short_name, sha256, deployed_at, deployed_by)
							VALUES (?, ?, ?, ?, ?, ?)""")
				.params(deploymentId, name, DeploymentAudit.shortName(name), sha256, at, deployedBy)
				.update();
		});
	}

	/**
	 * The latest {@code limit} deployments, newest first, each file marked against the
	 * previous deployment of a file with the same name.
	 */
	@Transactional(readOnly = true)
	List<PastDeployment> recent(int limit) {
		List<Row> rows = jdbc.sql("""
				SELECT f.id, f.deployment_id, f.short_name, f.sha256, c.size_bytes, f.deployed_at, f.deployed_by
				FROM deployed_model_file f JOIN deployed_model_content c ON c.sha256 = f.sha256 ORDER BY f.id""")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4).strip(),
					rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
		List<PastDeployment> all = compare(rows);
		List<PastDeployment> latest = new ArrayList<>(all.subList(Math.max(0, all.size() - limit), all.size()));
		Collections.reverse(latest);
		return latest;
	}

	/** One kept file, if it belongs to that deployment. */
	@Transactional(readOnly = true)
	Optional<Content> file(String deploymentId, long fileId) {
		return jdbc.sql("""
				SELECT f.short_name, f.sha256, c.content FROM deployed_model_file f
				JOIN deployed_model_content c ON c.sha256 = f.sha256 WHERE f.id = ? AND f.deployment_id = ?""")
			.params(fileId, deploymentId)
			.query((rs, n) -> new Content(rs.getString(1), rs.getString(2).strip(), rs.getBytes(3)))
			.optional();
	}

	/**
	 * Groups the rows (in the order they were kept) by deployment and marks each file:
	 * new when no earlier deployment had a file of that name, unchanged when the last one
	 * had the same content, changed otherwise. Names are compared without their folder:
	 * the start-up deployment names {@code /app/bpmn/x.bpmn}, an upload {@code x.bpmn}.
	 */
	static List<PastDeployment> compare(List<Row> rows) {
		Map<String, String> lastContent = new HashMap<>();
		Map<String, PastDeployment> deployments = new LinkedHashMap<>();
		for (Row row : rows) {
			String base = baseName(row.shortName());
			String previous = lastContent.put(base, row.sha256());
			Change change = previous == null ? Change.NEW
					: previous.equals(row.sha256()) ? Change.UNCHANGED : Change.CHANGED;
			deployments
				.computeIfAbsent(row.deploymentId(),
						id -> new PastDeployment(id, row.deployedAt(), row.deployedBy(), new ArrayList<>()))
				.files()
				.add(new File(row.id(), row.shortName(), row.sha256(), row.sizeBytes(), change));
		}
		return new ArrayList<>(deployments.values());
	}

	private static String baseName(String name) {
		return name.substring(name.lastIndexOf('/') + 1);
	}

	/** One kept file as read from the table. */
	record Row(long id, String deploymentId, String shortName, String sha256, long sizeBytes, Instant deployedAt,
			String deployedBy) {
	}

	record PastDeployment(String deploymentId, Instant deployedAt, String deployedBy, List<File> files) {

		public long changedFiles() {
			return files.stream().filter(f -> f.change() != Change.UNCHANGED).count();
		}

	}

	record File(long id, String name, String sha256, long sizeBytes, Change change) {
	}

	record Content(String name, String sha256, byte[] bytes) {
	}

	enum Change {

		NEW("新增"), CHANGED("有改动"), UNCHANGED("未改动");

		private final String label;

		Change(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}

package cn.liaocheng.renewal.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine run two of its statements in the form of {@code EngineStatements.xml},
 * each with the same answer:
 * <ul>
 * <li>the task query's list (a page or all of it): the engine's own criteria,
 * authorization and tenant checks included unchanged, used as a semi-join instead of a
 * join with {@code select distinct}, so that the first page of a group with many open
 * tasks no longer checks and sorts every one of them;</li>
 * <li>the groups holding any authorization, read in every command of a signed-in user:
 * one index step per group instead of reading every authorization (one or more per open
 * task).</li>
 * </ul>
 * Who sees which task is decided by the same SQL as before (docs/performance.md, "Lists
 * with many open cases").
 *
 * <p>
 * The engine looks its statements up through the statement mappings of its
 * {@link DbSqlSessionFactory} (where it keeps the database-specific variants); this
 * plugin adds the product's mapper to the engine's MyBatis configuration after the engine
 * has built it and maps the engine's statements there, on PostgreSQL and H2, the
 * databases the product runs on.
 */
@Component
public class EngineStatementsPlugin extends AbstractProcessEnginePlugin {

	static final String MAPPER = "cn/liaocheng/renewal/engine/internal/EngineStatements.xml";

	static final String NAMESPACE = "cn.liaocheng.renewal.engine.internal.EngineStatements";

	/**
	 * The engine's statements and the product's they are mapped to. The task count stays
	 * the engine's: it checks every task of the group either way.
	 */
	static final Map<String, String> STATEMENTS = Map.of("selectTaskByQueryCriteria", NAMESPACE + ".selectTaskPage",
			"selectAuthorizedGroupIds", NAMESPACE + ".selectGroupsHoldingAuthorizations");

	private static final Set<String> DATABASES = Set.of("postgres", "h2");

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
		if (!DATABASES.contains(sessions.getDatabaseType())) {
			return;
		}
		Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
		if (!mybatis.hasStatement(NAMESPACE + ".selectTaskPage", false)) {
			try (InputStream mapper = EngineStatementsPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
				if (mapper == null) {
					throw new IllegalStateException("the engine's statements " + MAPPER + " are missing");
				}
				new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
			}
			catch (IOException e) {
				throw new IllegalStateException("the engine's statements " + MAPPER + " could not be read", e);
			}
		}
		// The engine's mappings are shared by every engine of this database type in the
		// JVM: this engine gets its own copy.
		Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
				: new HashMap<>(sessions.getStatementMappings());
		mappings.putAll(STATEMENTS);
		sessions.setStatementMappings(mappings);
	}

	/**
	 * Whether a page can be ordered by the task's own columns: every ordering property is
	 * a column of the task, not a computed one nor one of a related table (called from
	 * the mapper).
	 */
	public static boolean orderedByTaskColumnsOnly(List<QueryOrderingProperty> orderingProperties) {
		return orderingProperties.stream().allMatch(QueryOrderingProperty::isContainedProperty);
	}

}

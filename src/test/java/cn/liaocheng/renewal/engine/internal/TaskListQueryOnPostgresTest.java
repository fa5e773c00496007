package cn.liaocheng.renewal.engine.internal;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;

/** {@link SameTaskListAnswers} on PostgreSQL, the production database. */
@Tag(OwnContext.TAG)
@SpringBootTest(properties = "renewal.scheduling.enabled=false")
@ActiveProfiles({ "postgres", "demo" })
class TaskListQueryOnPostgresTest extends SameTaskListAnswers {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_task_list_query");
	}

}

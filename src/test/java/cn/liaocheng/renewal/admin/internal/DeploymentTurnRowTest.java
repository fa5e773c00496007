package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A deployment takes its turn even when the turn's row was deleted by hand: the row is
 * made again, instead of every deployment (the start-up's included) failing.
 */
@WebIntegrationTest
class DeploymentTurnRowTest {

	@Autowired
	ModelLocks locks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void theRowIsThere() {
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void theAdministrationPagesTurnMakesTheMissingRowAgain() {
		deleteTheRow();

		String answer = locks.holding(status -> "deployed");

		assertThat(answer).isEqualTo("deployed");
	}

	@Test
	void anotherDoorsTurnMakesTheMissingRowAgain() {
		deleteTheRow();

		new TransactionTemplate(transactions).executeWithoutResult(status -> locks.takeTurnUnlessHeld());
	}

	private void deleteTheRow() {
		jdbc.sql("DELETE FROM model_deployment_lock WHERE model_key = ?").param(ModelLocks.TURN).update();
		assertThat(rows()).isZero();
	}

	private long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM model_deployment_lock WHERE model_key = ?")
			.param(ModelLocks.TURN)
			.query(Long.class)
			.single();
	}

}

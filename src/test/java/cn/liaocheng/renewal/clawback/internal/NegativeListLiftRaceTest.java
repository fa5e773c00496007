package cn.liaocheng.renewal.clawback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.clawback.NegativeListEntry;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Two officers of the city industry bureau lift the same negative-list entry at once: the
 * second one's lift reads the entry before the first commits and then finds it already
 * lifted. Only the lift that changed the entry is written to the audit trail; the other
 * is refused as changed meanwhile (409 at the API).
 */
@WebIntegrationTest
class NegativeListLiftRaceTest {

	@Autowired
	NegativeList negativeList;

	@Autowired
	EnterpriseRegistry enterprises;

	@Autowired
	IdentityService identities;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldAuditOnlyTheLiftThatChangedTheEntryAndRefuseTheOther() throws Exception {
		PortalUser industry = user("lc-industry");
		Enterprise listed = enterprises.findByUser(DemoUsers.OTHER_ENTERPRISE).orElseThrow();
		NegativeListEntry entry = negativeList.add(industry, listed.creditCode().toString(), "经核查，该企业申报材料存在弄虚作假情形。",
				new NegativeList.Finding("聊城市财政局", "《关于骗取财政补助资金问题的处理决定》（聊财监〔2026〕3号）", LocalDate.of(2026, 11, 20)), 6,
				null);
		CountDownLatch firstLifted = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				negativeList.lift(industry, entry.id(), "经复核，原列入事由不成立。");
				firstLifted.countDown();
				await(commitFirst);
			}));
			assertThat(firstLifted.await(30, TimeUnit.SECONDS)).isTrue();
			// The second reads the entry as still listed (the first has not committed)
			// and waits for the first one's row lock in its guarded update.
			Future<NegativeListEntry> second = threads
				.submit(() -> negativeList.lift(industry, entry.id(), "企业已整改到位，提前解除。"));
			awaitBlockedSession();
			commitFirst.countDown();
			first.get(30, TimeUnit.SECONDS);

			assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ClawbackRefused.class)
				.cause()
				.hasMessageContaining("已由他人解除")
				.satisfies(e -> assertThat(((ClawbackRefused) e).reason()).isEqualTo(ClawbackRefused.Reason.CHANGED));
		}
		finally {
			commitFirst.countDown();
			threads.shutdownNow();
		}
		assertThat(negativeList.byId(entry.id()).orElseThrow().liftReason()).isEqualTo("经复核，原列入事由不成立。");
		List<String> lifts = jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'NEGATIVE_LIST_LIFTED' AND details LIKE ?")
			.param("entry=" + entry.id() + " %")
			.query(String.class)
			.list();
		assertThat(lifts).singleElement().asString().contains("原列入事由不成立");
	}

	private void awaitBlockedSession() throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
			.query(Integer.class)
			.single() == 0) {
			assertThat(Instant.now()).as("the second lift waits for the first one's lock").isBefore(until);
			Thread.sleep(20);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private PortalUser user(String userId) {
		return user(identities, userId);
	}

	/** The user as the portal knows them: their groups from the identity store. */
	static PortalUser user(IdentityService identities, String userId) {
		List<PortalUser.Membership> memberships = identities.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(g -> new PortalUser.Membership(g.getId(), g.getName(), GroupType.of(g.getType())))
			.toList();
		return new PortalUser(userId, userId, memberships);
	}

}

package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An administrator cannot sign a body's opinion: while an administrator, the opinion is
 * refused at any door; one given after leaving the administrators for the moment (and
 * rejoining afterwards) is recorded, but the issuing check does not count the opinion of
 * an account that is an administrator, and every step of the trick is in the audit trail
 * under the name of whoever did it.
 */
@WebIntegrationTest
class AdministratorOpinionTest extends ReviewProcessTest {

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	Decisions decisions;

	@Autowired
	JdbcClient jdbc;

	/** A second administrator, so that the demo's stays as it is. */
	private String insider;

	@Autowired
	AdministratorOpinionTest(ApplicationContext context) {
		super(context);
	}

	@BeforeEach
	void anotherAdministrator() {
		insider = "insider-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identity.newUser(insider);
		user.setFirstName("管理员");
		user.setLastName("信息中心");
		identity.saveUser(user);
		identity.createMembership(insider, GroupNames.ADMINISTRATORS);
	}

	@AfterEach
	void noAdministratorLeftInTheBody() {
		identity.deleteUser(insider);
	}

	@Test
	void anAdministratorsOpinionIsRefusedWhileTheyAreOne() {
		Case c = review.submitProject(7);
		Task formal = review.task(c, "Task_CountyFormalReview");
		asDemoAdministrator(() -> identity.createMembership(insider, ReviewFixture.COUNTY_INDUSTRY));
		tasks.claim(formal.getId(), insider);

		assertThatThrownBy(() -> review.complete(formal, Map.of("decision", "APPROVE", "opinion", "材料齐全，同意")))
			.hasMessageContaining("系统管理员账号不能给出审核意见");
		assertThat(review.tasks(c, "Task_CountyFormalReview")).hasSize(1);
		assertThat(opinionsOf(c)).isEmpty();
	}

	@Test
	void anOpinionGivenWhileOutOfTheAdministratorsDoesNotCountOnceTheyAreBack() {
		Case c = review.submitProject(7);
		long auditedBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
		Task formal = review.task(c, "Task_CountyFormalReview");
		asDemoAdministrator(() -> {
			identity.createMembership(insider, ReviewFixture.COUNTY_INDUSTRY);
			identity.deleteMembership(insider, GroupNames.ADMINISTRATORS);
		});
		tasks.claim(formal.getId(), insider);
		review.complete(formal, Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		review.runJobs(c);
		asDemoAdministrator(() -> {
			identity.createMembership(insider, GroupNames.ADMINISTRATORS);
			identity.deleteMembership(insider, ReviewFixture.COUNTY_INDUSTRY);
		});
		assertThat(opinionsOf(c)).containsExactly(insider + "|member|APPROVE");

		review.decide(c, "Task_CountyRecommendation", "APPROVE");
		assertThatThrownBy(() -> review.passCityReview(c)).hasMessageContaining("审核记录不支持")
			.hasMessageContaining("办理人 " + insider + " 是系统管理员（camunda-admin）账号");
		assertThat(decisions.allForApplication(c.id())).isEmpty();
		assertThat(jdbc
			.sql("SELECT actor || ' ' || action || ' ' || details FROM audit_log WHERE id > ? AND subject = ?"
					+ " ORDER BY id")
			.params(auditedBefore, "user:" + insider)
			.query(String.class)
			.list())
			.containsExactly(DemoUsers.ADMIN + " GROUP_MEMBERSHIP_CREATED group=" + ReviewFixture.COUNTY_INDUSTRY,
					DemoUsers.ADMIN + " GROUP_MEMBERSHIP_DELETED group=" + GroupNames.ADMINISTRATORS,
					DemoUsers.ADMIN + " GROUP_MEMBERSHIP_CREATED group=" + GroupNames.ADMINISTRATORS,
					DemoUsers.ADMIN + " GROUP_MEMBERSHIP_DELETED group=" + ReviewFixture.COUNTY_INDUSTRY);
	}

	/** The same steps after the insider has left the administrators for good count. */
	@Test
	void theSameOpinionCountsFromSomeoneWhoIsNoAdministrator() {
		Case c = review.submitProject(7);
		Task formal = review.task(c, "Task_CountyFormalReview");
		identity.createMembership(insider, ReviewFixture.COUNTY_INDUSTRY);
		identity.deleteMembership(insider, GroupNames.ADMINISTRATORS);
		tasks.claim(formal.getId(), insider);
		review.complete(formal, Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		review.runJobs(c);
		review.decide(c, "Task_CountyRecommendation", "APPROVE");
		review.passCityReview(c);

		assertThat(review.decision(c)).isEqualTo(DecisionType.PROJECT_ACCEPTED);
	}

	/** As Camunda Admin acts: in the demo administrator's name. */
	private void asDemoAdministrator(Runnable change) {
		identity.setAuthentication(DemoUsers.ADMIN, List.of(GroupNames.ADMINISTRATORS));
		try {
			change.run();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private List<String> opinionsOf(Case c) {
		return jdbc
			.sql("SELECT reviewer || '|' || CASE WHEN reviewer_member THEN 'member' ELSE 'not a member' END"
					+ " || '|' || decision FROM review_opinion WHERE application_id = ? ORDER BY id")
			.param(c.id())
			.query(String.class)
			.list();
	}

}

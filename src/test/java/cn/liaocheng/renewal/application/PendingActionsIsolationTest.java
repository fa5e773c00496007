package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.liaocheng.renewal.application.internal.ApplicationStore;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The 需要您处理 list names an enterprise's own cases only, whatever a module reporting steps
 * answers: a source that names another enterprise's application (a mistake in its query,
 * or an id from elsewhere) lists nothing of it, and the case's number and title are read
 * from the enterprise's own record, not from the source.
 */
@WebIntegrationTest
class PendingActionsIsolationTest {

	private static final PortalUser GX = new PortalUser(DemoUsers.ENTERPRISE, DemoUsers.ENTERPRISE, List.of());

	private static final PortalUser LQ = new PortalUser(DemoUsers.OTHER_ENTERPRISE, DemoUsers.OTHER_ENTERPRISE,
			List.of());

	@Autowired
	Applications applications;

	@Autowired
	EnterpriseRegistry enterprises;

	@Autowired
	ApplicationStore store;

	@Autowired
	WorkingDays workingDays;

	@Test
	void aSourceNamingAnotherEnterprisesCaseListsItForNoOneButItsOwner() {
		long own = draft(GX);
		long theirs = draft(LQ);
		LocalDate lastDay = ChinaTime.today().plusDays(3);
		PendingActionSource everyone = enterpriseId -> List.of(step(own, lastDay), step(theirs, lastDay));
		PendingActions actions = new PendingActions(enterprises, store, provider(everyone), workingDays);

		assertThat(listed(actions, GX, own, theirs)).singleElement().satisfies(a -> {
			assertThat(a.applicationId()).isEqualTo(own);
			assertThat(a.title()).isEqualTo(applications.detail(GX, own).summary().title());
			assertThat(a.lastDay()).isEqualTo(lastDay);
			assertThat(a.link()).isEqualTo("/enterprise/applications/" + own + "#x");
		});
		assertThat(listed(actions, LQ, own, theirs)).extracting(PendingAction::applicationId).containsExactly(theirs);
	}

	@Test
	void aUserWhoIsNoEnterpriseHasNothingToDo() {
		PendingActionSource never = enterpriseId -> {
			throw new AssertionError("asked for a user who is no enterprise's account");
		};
		PendingActions actions = new PendingActions(enterprises, store, provider(never), workingDays);

		assertThat(actions.of(new PortalUser(DemoUsers.COUNTY_REVIEWER, DemoUsers.COUNTY_REVIEWER, List.of())))
			.isEmpty();
	}

	private static List<PendingAction> listed(PendingActions actions, PortalUser user, long... ids) {
		Set<Long> wanted = Arrays.stream(ids).boxed().collect(Collectors.toSet());
		return actions.of(user).stream().filter(a -> wanted.contains(a.applicationId())).toList();
	}

	private static PendingActionSource.Step step(long applicationId, LocalDate lastDay) {
		return new PendingActionSource.Step(applicationId, "待办", "请办理。", lastDay,
				"/enterprise/applications/" + applicationId + "#x", "去办理");
	}

	private static ObjectProvider<PendingActionSource> provider(PendingActionSource source) {
		return new StaticListableBeanFactory(Map.of("source", source)).getBeanProvider(PendingActionSource.class);
	}

	private long draft(PortalUser user) {
		return applications.createDraft(user, ApplicationKind.PROJECT,
				ApplicationFixtures.form(ApplicationFixtures.project(1)), UUID.randomUUID().toString());
	}

}

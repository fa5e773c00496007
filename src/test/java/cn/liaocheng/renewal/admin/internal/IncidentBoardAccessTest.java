package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The incident board answers administrators only, whichever door calls it: the refusal is
 * the board's own, before any engine query, so a controller or a future API that forgets
 * the path rule still cannot list or retry.
 */
class IncidentBoardAccessTest {

	private final IncidentBoard board = new IncidentBoard(null, null, null, null, null, null);

	@Test
	void aReviewerOrAnEnterpriseNeitherListsNorRetries() {
		List<PortalUser> outsiders = List.of(
				new PortalUser("gx-industry", "冠县工业和信息化局审核员",
						List.of(new PortalUser.Membership("county-371525-industry", "冠县工业和信息化局", GroupType.COUNTY))),
				new PortalUser("ent-gx", "冠县演示轴承制造有限公司",
						List.of(new PortalUser.Membership("enterprise", "企业用户", GroupType.ENTERPRISE))));
		for (PortalUser user : outsiders) {
			assertThatThrownBy(() -> board.open(user)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> board.retry(user, "some-incident", "")).isInstanceOf(AccessDeniedException.class);
		}
		assertThatThrownBy(() -> board.open(null)).isInstanceOf(AccessDeniedException.class);
	}

}

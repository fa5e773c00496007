package cn.liaocheng.renewal.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Who may issue what, checked before anything is numbered or signed. */
class DecisionRequestTest {

	private static final String COUNTY = "county-371525-industry";

	@Test
	void aCountyDepartmentDoesNotRecommendButNeverDecidesTheLibraryTheSubsidyOrTheListing() {
		for (DecisionType type : List.of(DecisionType.PROJECT_REFUSED, DecisionType.SUBSIDY_REFUSED,
				DecisionType.LOAN_REFUSED, DecisionType.PROJECT_NOT_ACCEPTED, DecisionType.PROJECT_ACCEPTED)) {
			assertThatThrownBy(() -> request(COUNTY, type)).as(type.name())
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(COUNTY);
		}
		assertThat(request(COUNTY, DecisionType.LOAN_NOT_RECOMMENDED).type())
			.isEqualTo(DecisionType.LOAN_NOT_RECOMMENDED);
		assertThat(request(COUNTY, DecisionType.APPLICATION_LAPSED).issuingBody()).isEqualTo(COUNTY);
	}

	@Test
	void onlyACountyDoesNotRecommend() {
		assertThatThrownBy(() -> request("industry", DecisionType.PROJECT_NOT_RECOMMENDED))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(request("industry", DecisionType.PROJECT_NOT_ACCEPTED).type())
			.isEqualTo(DecisionType.PROJECT_NOT_ACCEPTED);
	}

	@Test
	void eachKindOfApplicationHasItsOwnNonRecommendationAndNonAcceptanceInItsOwnStage() {
		for (DecisionType.Stage stage : List.of(DecisionType.Stage.PROJECT, DecisionType.Stage.SUBSIDY,
				DecisionType.Stage.LOAN)) {
			assertThat(DecisionType.notRecommended(stage).stage()).isEqualTo(stage);
			assertThat(DecisionType.notRecommended(stage).title()).isEqualTo("不予推荐决定书");
			assertThat(DecisionType.notAccepted(stage).stage()).isEqualTo(stage);
			assertThat(DecisionType.notAccepted(stage).title()).isEqualTo("不予受理决定书");
			assertThat(DecisionType.notAccepted(stage).challengeable()).isTrue();
		}
		assertThatThrownBy(() -> DecisionType.notRecommended(DecisionType.Stage.CLAWBACK))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static DecisionRequest request(String body, DecisionType type) {
		return new DecisionRequest(1, body, type, "聊城市某机械有限公司", "91371500MA3C000001", "聊城市某机械有限公司", "数控机床更新项目",
				"LC-2026-000001", null, null, List.of(), List.of("理由。"), LocalDate.of(2026, 5, 6));
	}

}

package cn.liaocheng.renewal.review.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;

/**
 * The city industry bureau, which leads the programme, reviews every case jointly,
 * whatever an administrator's edited routing table returns: nothing, or other bodies
 * only.
 */
class LeadBodyRoutingTest {

	@Test
	void theLeadBodyReviewsWhenTheTableNamesOnlyOthers() {
		assertThat(routedBy(List.of("market", "market"))).isEqualTo("market,industry");
	}

	@Test
	void theLeadBodyReviewsWhenTheTableNamesNobody() {
		assertThat(routedBy(List.of())).isEqualTo("industry");
	}

	@Test
	void theLeadBodyIsNamedOnceWhenTheTableNamesIt() {
		assertThat(routedBy(List.of("industry", "development"))).isEqualTo("industry,development");
	}

	private static String routedBy(List<String> tableBodies) {
		DmnDecisionTableResult result = mock(DmnDecisionTableResult.class);
		when(result.<String>collectEntries("body")).thenReturn(tableBodies);
		DecisionService decisions = mock(DecisionService.class);
		when(decisions.evaluateDecisionTableByKey(anyString(), anyMap())).thenReturn(result);
		return new ReviewRouting(decisions, null, null).route("PROJECT", 3, false, false, false);
	}

}

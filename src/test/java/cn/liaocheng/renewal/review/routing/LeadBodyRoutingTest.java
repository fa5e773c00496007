package cn.liaocheng.renewal.review.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
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
		DmnDecisionResult result = mock(DmnDecisionResult.class);
		when(result.<String>collectEntries("body")).thenReturn(tableBodies);
		return ReviewRouting.route(inputs -> result, "PROJECT", 3, false, false, false);
	}

}

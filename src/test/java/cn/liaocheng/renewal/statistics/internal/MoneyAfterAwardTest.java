package cn.liaocheng.renewal.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.statistics.MoneyFlow;
import cn.liaocheng.renewal.statistics.MoneyFlowQuery;
import cn.liaocheng.renewal.statistics.MoneyFlows;
import cn.liaocheng.renewal.statistics.MoneyMeasure;

/**
 * The money view says plainly when nothing records payments, and asks each implementation
 * for the scope only.
 */
class MoneyAfterAwardTest {

	private final DashboardQueries queries = mock(DashboardQueries.class);

	private final OrganizationCatalog catalog = mock(OrganizationCatalog.class);

	private final StatisticsScope guanxian2025 = new StatisticsScope(Set.of("371525"), 2025, true);

	MoneyAfterAwardTest() {
		when(catalog.divisions()).thenReturn(List.of(new Division("371525", "冠县", Division.Kind.COUNTY),
				new Division("371581", "临清市", Division.Kind.COUNTY)));
		when(queries.committed(any())).thenReturn(List.of());
	}

	@Test
	void saysThatNoPaymentsAreRecordedWhenNoModuleRecordsThem() {
		Dashboard dashboard = new Dashboard(queries, mock(PlanTargets.class), catalog,
				new StaticListableBeanFactory().getBeanProvider(MoneyFlows.class));
		StatTable money = dashboard.table("money", guanxian2025).orElseThrow();
		assertThat(money.rows()).isEmpty();
		assertThat(money.note()).contains("尚未记录任何资金拨付、追回、贷款发放或贴息支付");
	}

	@Test
	void asksEachImplementationForTheScopeAndSaysWhenItHasNothingThere() {
		AtomicReference<MoneyFlowQuery> asked = new AtomicReference<>();
		MoneyFlows payments = query -> {
			asked.set(query);
			return List.of();
		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("payments", payments);
		Dashboard dashboard = new Dashboard(queries, mock(PlanTargets.class), catalog,
				beans.getBeanProvider(MoneyFlows.class));
		StatTable money = dashboard.table("money", guanxian2025).orElseThrow();
		assertThat(asked.get())
			.isEqualTo(new MoneyFlowQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), Set.of("371525")));
		assertThat(money.note()).contains("所选范围内尚无资金拨付");

		beans.addBean("ledger",
				(MoneyFlows) query -> List.of(
						new MoneyFlow(MoneyMeasure.INTEREST_SUBSIDY_PAID, "371525", YearMonth.of(2025, 3),
								new BigDecimal("1200.00"), 1),
						new MoneyFlow(MoneyMeasure.INTEREST_SUBSIDY_PAID, "371525", YearMonth.of(2025, 4),
								new BigDecimal("1300.00"), 1)));
		StatTable paid = new Dashboard(queries, mock(PlanTargets.class), catalog,
				beans.getBeanProvider(MoneyFlows.class))
			.table("money", guanxian2025)
			.orElseThrow();
		assertThat(paid.rows()).containsExactly(List.of("贴息资金已支付", "冠县", 2L, new BigDecimal("0.25")));
		assertThat(paid.note()).doesNotContain("尚无");
	}

}

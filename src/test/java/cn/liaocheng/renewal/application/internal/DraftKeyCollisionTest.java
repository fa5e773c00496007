package cn.liaocheng.renewal.application.internal;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * A draft insert whose key is taken by no draft the store can find: the error operators
 * see names the constraint the database reported.
 */
class DraftKeyCollisionTest {

	private final ApplicationRepository repository = mock(ApplicationRepository.class);

	private final ApplicationStore store = new ApplicationStore(repository, null, null, null, null, null, null, null,
			null, new CollidingInserts(mock(PlatformTransactionManager.class)), 20);

	@Test
	void shouldKeepTheDatabaseErrorAsCauseWhenATakenDraftKeyLeadsToNoDraft() {
		DuplicateKeyException constraint = new DuplicateKeyException("uk_application_creation",
				new SQLException("duplicate key value violates unique constraint", "23505"));
		when(repository.findByCreationKey(anyLong(), anyString())).thenReturn(Optional.empty());
		when(repository.insert(anyLong(), anyString(), anyString(), any())).thenThrow(constraint);
		Enterprise enterprise = new Enterprise(7, new CreditCode("91371525MA3CB7K21F"), "聊城轴承有限公司", "371525", "轴承", "赵",
				"13800000000", "enterprise-user", EnterpriseStatus.ACTIVE);
		PortalUser user = new PortalUser("enterprise-user", "赵", List.of());

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> store.createDraft(enterprise, user, project(), "key-1"))
			.withMessageContaining("key-1")
			.withCause(constraint);
	}

	private static ProjectDossier project() {
		return new ProjectDossier("轴承产线改造", 7, "冠县经济开发区", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
				new BigDecimal("1000000.00"), new BigDecimal("700000.00"), false, false, false, null, null, null,
				List.of());
	}

}

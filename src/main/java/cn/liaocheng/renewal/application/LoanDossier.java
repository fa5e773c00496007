package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A loan application (技术改造再贷款 / 设备更新贷款) for a registered project ({@code projectId}).
 * {@code bankKeys}: the banks it is asked of, one to three, in the enterprise's order.
 */
public record LoanDossier(Long projectId, List<String> bankKeys, BigDecimal loanAmount, Integer loanTermMonths,
		String loanPurpose) implements Dossier {

	public LoanDossier {
		bankKeys = bankKeys == null ? List.of() : List.copyOf(bankKeys);
	}

	@Override
	public ApplicationKind kind() {
		return ApplicationKind.LOAN;
	}

	@Override
	public Optional<Long> registeredProject() {
		return Optional.ofNullable(projectId);
	}

}

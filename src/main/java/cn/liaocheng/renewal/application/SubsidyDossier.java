package cn.liaocheng.renewal.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A subsidy claim (奖补资金申请) for a registered project ({@code projectId}): when the
 * equipment went into use and the lines bought, each with its invoice.
 */
public record SubsidyDossier(Long projectId, LocalDate commissioningDate,
		List<EquipmentLine> equipment) implements Dossier, Dossier.Equipped {

	public SubsidyDossier {
		equipment = equipment == null ? List.of() : List.copyOf(equipment);
	}

	@Override
	public ApplicationKind kind() {
		return ApplicationKind.SUBSIDY;
	}

	@Override
	public Optional<Long> registeredProject() {
		return Optional.ofNullable(projectId);
	}

}

package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A project registration (项目入库): the project, its investment, the factors it needs (new
 * land, energy use, emission quota, which decide who reviews it), the outcome it promises
 * and the equipment it will buy.
 */
public record ProjectDossier(String projectName, Integer policyTask, String location, LocalDate constructionStart,
		LocalDate constructionEnd, BigDecimal totalInvestment, BigDecimal equipmentInvestment, boolean needsNewLand,
		boolean needsEnergyUse, boolean needsEmissionQuota, BigDecimal expectedOutputValue,
		BigDecimal expectedEnergySaving, String otherBenefits,
		List<EquipmentLine> equipment) implements Dossier, Dossier.Equipped {

	public ProjectDossier {
		equipment = equipment == null ? List.of() : List.copyOf(equipment);
	}

	@Override
	public ApplicationKind kind() {
		return ApplicationKind.PROJECT;
	}

	@Override
	public Optional<Long> registeredProject() {
		return Optional.empty();
	}

}

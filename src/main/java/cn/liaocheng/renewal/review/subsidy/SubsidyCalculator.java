package cn.liaocheng.renewal.review.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.application.SubsidyDossier;

/**
 * The one place a subsidy is computed, from the claim's current dossier, line by line:
 * each line's eligible amount (its invoice amount, or quantity × price where no invoice
 * amount is given) × the policy task's rate, the sum capped per project. The process
 * step, the portal's estimate and the public notice all use it, so they cannot disagree.
 * Whether the amount needs expert review is the process step's ({@link SubsidyRules}).
 */
@Component
class SubsidyCalculator {

	private final SubsidyRules rules;

	private final ApplicationStages stages;

	SubsidyCalculator(SubsidyRules rules, ApplicationStages stages) {
		this.rules = rules;
		this.stages = stages;
	}

	/**
	 * The calculation for a subsidy claim as it stands now; empty for other kinds or a
	 * claim without lines.
	 */
	Optional<Calculation> forClaim(ReviewFacts claim) {
		if (!(claim.dossier() instanceof SubsidyDossier subsidy) || subsidy.equipment().isEmpty()) {
			return Optional.empty();
		}
		return stages.registeredProject(subsidy).map(project -> calculate(project.policyTask(), subsidy.equipment()));
	}

	/**
	 * @throws IllegalStateException when the table has no rate for the task: the step
	 * stops as an incident for the administrators rather than record a subsidy of nothing
	 * that the public notice and the allocation decision would state
	 */
	Calculation calculate(Integer policyTask, List<Dossier.EquipmentLine> equipment) {
		return estimate(policyTask, equipment).orElseThrow(
				() -> new IllegalStateException("奖补比例表（subsidy-amount）没有重点任务 " + policyTask + " 的奖补比例，请管理员补充该表后重试"));
	}

	/** The calculation, or empty when the table has no rate for the task. */
	Optional<Calculation> estimate(Integer policyTask, List<Dossier.EquipmentLine> equipment) {
		return rules.rate(policyTask).map(rate -> calculate(policyTask, rate, equipment));
	}

	private Calculation calculate(Integer policyTask, SubsidyRules.Rate rate, List<Dossier.EquipmentLine> equipment) {
		List<Line> lines = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (Dossier.EquipmentLine line : equipment) {
			BigDecimal eligible = line.invoiceAmount() != null ? line.invoiceAmount() : line.amount();
			BigDecimal subsidy = eligible.multiply(rate.rate()).setScale(2, RoundingMode.HALF_UP);
			lines.add(new Line(line.name(), eligible, subsidy));
			sum = sum.add(subsidy);
		}
		BigDecimal amount = rate.cap() == null ? sum : sum.min(rate.cap());
		return new Calculation(policyTask, rate.rate(), rate.cap(), List.copyOf(lines), sum, amount,
				rate.tableVersion());
	}

	/** One equipment line's share. */
	record Line(String name, BigDecimal eligibleAmount, BigDecimal subsidy) {
	}

	/**
	 * The whole calculation; {@code cap} is {@code null} when the table sets none, and
	 * {@code capped} when the per-project cap reduced the sum of the lines.
	 */
	record Calculation(Integer policyTask, BigDecimal rate, BigDecimal cap, List<Line> lines, BigDecimal sumOfLines,
			BigDecimal amount, int tableVersion) {

		boolean capped() {
			return amount.compareTo(sumOfLines) < 0;
		}

		/**
		 * How the amount was reached, for the case's record: the table's version, the
		 * task's rate, the eligible amounts, the cap where it applied.
		 */
		String basis() {
			BigDecimal eligible = lines.stream().map(Line::eligibleAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
			String percent = rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
			return "测算奖补金额：按奖补比例表（subsidy-amount 第 " + tableVersion + " 版）重点任务第 " + policyTask + " 项的奖补比例 " + percent
					+ (cap == null ? "（不设单个项目上限）" : "、单个项目上限 " + Money.yuan(cap) + " 元") + "，设备金额合计 "
					+ Money.yuan(eligible) + " 元（有发票金额的按发票金额），逐行计算合计 " + Money.yuan(sumOfLines) + " 元"
					+ (capped() ? "，超过上限，按上限测算为 " : "，测算为 ") + Money.yuan(amount) + " 元。";
		}

	}

}

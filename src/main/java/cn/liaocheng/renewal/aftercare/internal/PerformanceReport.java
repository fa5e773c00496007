package cn.liaocheng.renewal.aftercare.internal;

/**
 * The enterprise's performance report as typed (text, validated by
 * {@link EnterpriseSteps}): annual output value achieved (yuan, a total — not the
 * increase the project promised as 预计年新增产值), energy saved (tonnes of standard coal a
 * year), energy-efficiency grade of the main equipment (1–5), digital indicators reached,
 * and its statement.
 */
public record PerformanceReport(String outputValue, String energySaving, String efficiencyGrade,
		String digitalIndicators, String statement) {
}

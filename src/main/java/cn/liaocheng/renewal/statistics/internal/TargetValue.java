package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A value the responsible body entered: the indicator's level at the end of a period. */
public record TargetValue(String targetKey, LocalDate periodEnd, BigDecimal value, String note, String enteredBy,
		String enteredByName, Instant enteredAt) {
}

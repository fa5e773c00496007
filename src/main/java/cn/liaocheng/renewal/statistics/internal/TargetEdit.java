package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;

/**
 * What an administrator may change on a target (its key stays). {@code version} is the
 * version the form was loaded with: an edit made meanwhile by someone else is not
 * silently overwritten.
 */
public record TargetEdit(String indicator, String wording, Integer targetYear, BigDecimal targetValue, String unit,
		String comparison, String valueUnit, Integer baselineYear, BigDecimal baselineValue, String bodyKey,
		String measure, String computedFrom, String measureNote, Integer version) {
}

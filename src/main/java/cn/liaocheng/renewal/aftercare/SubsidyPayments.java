package cn.liaocheng.renewal.aftercare;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * What the county finance bureau has paid of a case's allocated subsidy, as recorded
 * instalment by instalment.
 */
public interface SubsidyPayments {

	/** The sum of the recorded payments; zero when none was recorded. */
	BigDecimal paid(long applicationId);

	/**
	 * The sum of the recorded payments of each of these cases, in one query; a case with
	 * none recorded is not in the map.
	 */
	Map<Long, BigDecimal> paid(Collection<Long> applicationIds);

	/**
	 * Whether nothing of the allocation has reached the enterprise: the case's
	 * after-award process records its payments, and none is recorded. False for a case
	 * allocated before payments were recorded here, whose payments the system cannot
	 * know.
	 */
	boolean nothingPaid(long applicationId);

}

package cn.liaocheng.renewal.aftercare;

import java.math.BigDecimal;

/**
 * What the county finance bureau has paid of a case's allocated subsidy, as recorded
 * instalment by instalment.
 */
public interface SubsidyPayments {

	/** The sum of the recorded payments; zero when none was recorded. */
	BigDecimal paid(long applicationId);

}

package cn.liaocheng.renewal.aftercare.internal;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.FormFieldsRead;

/**
 * The fields of the after-award forms the after-award listeners read: the payment's date,
 * amount and voucher, the rectification deadline of an on-site acceptance, the
 * performance evaluation's score and grade.
 */
@Component
class AftercareFormFields implements FormFieldsRead {

	@Override
	public Map<String, Set<String>> byForm() {
		return Map.of("county-payment",
				Set.of(AftercareModel.PAYMENT_DATE, AftercareModel.PAID_AMOUNT, AftercareModel.VOUCHER_NO),
				"city-onsite-acceptance", Set.of(AftercareModel.RECTIFICATION_DEADLINE), "performance-evaluation",
				Set.of(AftercareModel.SCORE, AftercareModel.GRADE));
	}

}

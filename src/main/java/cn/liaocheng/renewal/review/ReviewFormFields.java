package cn.liaocheng.renewal.review;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.FormFieldsRead;

/**
 * The fields of the review tasks' forms the review reads: the conclusion and the opinion
 * on every one ({@link ReviewTaskContract#LOCAL_VARIABLES}), the terms of a bank's grant,
 * and the other fields kept local to their task
 * ({@link ReviewTaskContract#FORM_LOCAL_VARIABLES}).
 */
@Component
class ReviewFormFields implements FormFieldsRead {

	/** The forms of the review tasks of the models in {@code bpmn/}, by id. */
	static final List<String> REVIEW_FORMS = List.of(ReviewTaskContract.BANK_DECISION_FORM, "city-acceptance",
			"city-decision", "city-onsite-acceptance", "clawback-confirmation", "clawback-determination",
			"clawback-overdue", "clawback-statement-review", "county-acceptance-check", "county-formal-review",
			"county-invoice-check", "county-payment", "county-recommendation", "expert-review", "finance-allocation",
			"finance-interest-subsidy", "joint-review-opinion", "objection-resolution", "pboc-listing",
			"performance-evaluation");

	@Override
	public Map<String, Set<String>> byForm() {
		Map<String, Set<String>> fields = new HashMap<>();
		for (String form : REVIEW_FORMS) {
			Set<String> read = new LinkedHashSet<>(ReviewTaskContract.LOCAL_VARIABLES);
			read.addAll(ReviewTaskContract.FORM_LOCAL_VARIABLES.getOrDefault(form, List.of()));
			if (ReviewTaskContract.BANK_DECISION_FORM.equals(form)) {
				read.addAll(ReviewProcesses.BANK_TERMS);
			}
			fields.put(form, Set.copyOf(read));
		}
		return Map.copyOf(fields);
	}

}

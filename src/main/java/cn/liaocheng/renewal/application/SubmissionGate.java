package cn.liaocheng.renewal.application;

import java.util.Optional;

/**
 * A rule kept outside this module that may refuse a first submission: the annual
 * application window (申报批次), the negative list (负面清单). Every gate is asked, in order,
 * when an enterprise submits an application for the first time; a resubmission after a
 * correction belongs to a case already under review and is not asked again.
 */
public interface SubmissionGate {

	/**
	 * Empty when the submission may go ahead; otherwise the reason, in Chinese, shown to
	 * the enterprise.
	 */
	Optional<String> refusal(Attempt attempt);

	/** Who submits what. {@code divisionCode} is the enterprise's county. */
	record Attempt(long applicationId, ApplicationKind kind, long enterpriseId, String creditCode,
			String divisionCode) {
	}

}

package cn.liaocheng.renewal.decision;

import java.util.List;

/**
 * The answer to "is this decision genuine?".
 *
 * @param decision the decision on record the document or code refers to; {@code null}
 * when {@link Verdict#UNKNOWN} or {@link Verdict#UNCHECKABLE}
 * @param presentedSha256 SHA-256 of the uploaded file; {@code null} when a code was
 * checked
 * @param signatureIntact whether the uploaded file's signature verifies and covers the
 * whole file; {@code null} when a code was checked or the file carries no signature
 * @param undoneBy later decisions on the same application that undo this one (a
 * revocation or recovery of the subsidy it allocated): the document is genuine, the
 * decision no longer stands as issued
 */
public record VerificationResult(Verdict verdict, IssuedDecision decision, String presentedSha256,
		Boolean signatureIntact, List<IssuedDecision> undoneBy) {

	public VerificationResult {
		undoneBy = undoneBy == null ? List.of() : List.copyOf(undoneBy);
	}

	public enum Verdict {

		/**
		 * The file is byte for byte the one issued, or the code belongs to an issued
		 * decision.
		 */
		GENUINE,
		/** The file claims to be an issued decision but differs from it. */
		ALTERED,
		/** Neither the file nor the code matches any decision issued here. */
		UNKNOWN,
		/**
		 * The file matches no decision issued here byte for byte, and reading it would
		 * take more than the check allows (its content inflates far beyond any
		 * decision's), so what it claims was not read.
		 */
		UNCHECKABLE

	}

	public static VerificationResult unknown(String presentedSha256, Boolean signatureIntact) {
		return new VerificationResult(Verdict.UNKNOWN, null, presentedSha256, signatureIntact, List.of());
	}

	public static VerificationResult uncheckable(String presentedSha256) {
		return new VerificationResult(Verdict.UNCHECKABLE, null, presentedSha256, null, List.of());
	}

}

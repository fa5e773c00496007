package cn.liaocheng.renewal.application;

import java.time.Instant;
import java.util.List;

/**
 * The banks a loan was sent for review with at one (re)submission: the banks of the
 * dossier as submitted then, in the enterprise's order. The dossier as it stands may
 * differ, since a correction lets the enterprise edit it again.
 */
public record SubmittedBanks(Instant at, List<String> bankKeys) {

	public SubmittedBanks {
		bankKeys = List.copyOf(bankKeys);
	}

}

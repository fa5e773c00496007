package cn.liaocheng.renewal.batch;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.batch.internal.BatchEntries;

/**
 * The batch year of applications, for lists that group or filter by it (the reviewers'
 * 已办). Carries no access check: the caller lists only applications the user may see and
 * asks for their years.
 */
@Service
public class BatchYears {

	private final BatchEntries entries;

	BatchYears(BatchEntries entries) {
		this.entries = entries;
	}

	/**
	 * The year each of {@code applicationIds} was first submitted in; applications
	 * without a batch are absent.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> of(Collection<Long> applicationIds) {
		return entries.yearsOf(applicationIds);
	}

	/** The years that have windows or entries, newest first. */
	@Transactional(readOnly = true)
	public List<Integer> years() {
		return entries.years();
	}

}

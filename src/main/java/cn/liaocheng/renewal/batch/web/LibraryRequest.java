package cn.liaocheng.renewal.batch.web;

import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.batch.ProjectLibrary;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The library's request parameters as the page, its export and the REST list take them:
 * {@code status} is one status's name, {@code ALL}, or absent for the approved ones (已入库
 * for projects; the REST list's older {@code approvedOnly=false} still asks for all);
 * {@code task} is a policy task's number; {@code division} a county's code. Anything else
 * in them is refused with 400 and says why.
 */
record LibraryRequest(Integer year, ApplicationKind kind, String division, Integer task, String status, String q) {

	/** The {@code status} value that lists every status. */
	static final String ALL = "ALL";

	/**
	 * The page of the library this request asks for, {@code limit} entries from
	 * {@code offset}; a county code that does not exist is refused with 400.
	 */
	ProjectLibrary.Page search(ProjectLibrary library, PortalUser user, int shownYear, boolean approvedOnly, int offset,
			int limit) {
		ProjectLibrary.Query query = new ProjectLibrary.Query(shownYear, kindOrProject(),
				division == null || division.isBlank() ? null : division.strip(), policyTask(), status(approvedOnly),
				q);
		try {
			return library.search(user, query, offset, limit);
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
		}
	}

	ApplicationKind kindOrProject() {
		return kind == null ? ApplicationKind.PROJECT : kind;
	}

	/** The year asked for, or this year in Beijing. */
	int yearOrThis() {
		return year != null ? year : LocalDate.now(ChinaTime.ZONE).getYear();
	}

	/** The status select's value: a status's name or {@code ALL}. */
	String statusChoice() {
		return status == null || status.isBlank() ? ApplicationStatus.APPROVED.name() : status.strip();
	}

	private PolicyTask policyTask() {
		if (task == null) {
			return null;
		}
		return PolicyTask.of(task)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "政策任务应为 1 至 15 的编号：" + task));
	}

	private ApplicationStatus status(boolean approvedOnly) {
		if (status == null || status.isBlank()) {
			return approvedOnly ? ApplicationStatus.APPROVED : null;
		}
		if (ALL.equals(status.strip())) {
			return null;
		}
		return Arrays.stream(ApplicationStatus.values())
			.filter(s -> s.name().equals(status.strip()))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "没有这种申报状态：" + status));
	}

}

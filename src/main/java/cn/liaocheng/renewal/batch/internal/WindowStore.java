package cn.liaocheng.renewal.batch.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.WindowConflictException;
import cn.liaocheng.renewal.batch.WindowForm;
import cn.liaocheng.renewal.batch.WindowInvalidException;
import cn.liaocheng.renewal.batch.WindowNotFoundException;
import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * Opens, moves and closes windows, each change in the audit trail. Changes to the windows
 * of one kind are serialised by a row lock, so the check that windows of a kind never
 * overlap holds under concurrency. The caller runs in a transaction and has checked who
 * may do this.
 */
@Component
public class WindowStore {

	static final String OPENED = "BATCH_WINDOW_OPENED";

	static final String CHANGED = "BATCH_WINDOW_CHANGED";

	static final String CLOSED = "BATCH_WINDOW_CLOSED";

	static final String CANCELLED = "BATCH_WINDOW_CANCELLED";

	private final WindowRepository repository;

	private final AuditTrail audit;

	WindowStore(WindowRepository repository, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
	}

	public List<ApplicationWindow> all() {
		return repository.all();
	}

	public List<ApplicationWindow> notClosed(Instant now) {
		return repository.notClosed(now);
	}

	public ApplicationWindow find(long id) {
		return repository.find(id).orElseThrow(WindowNotFoundException::new);
	}

	public ApplicationWindow create(String userId, WindowForm form) {
		WindowRules.Window window = WindowRules.parse(form);
		repository.lockKind(window.kind());
		refuseOverlap(window, null);
		long id = repository.insert(window, userId, Instant.now());
		audit.record(userId, OPENED, subject(id), describe(window));
		return find(id);
	}

	public ApplicationWindow update(String userId, long id, WindowForm form, int expectedVersion) {
		ApplicationWindow current = find(id);
		WindowRules.Window window = WindowRules.parse(form);
		// Both kinds' locks when the kind changes, always in the same order, so two such
		// changes cannot deadlock.
		EnumSet.of(current.kind(), window.kind()).forEach(repository::lockKind);
		if ((window.kind() != current.kind() || window.year() != current.year()) && repository.entries(id) > 0) {
			throw new WindowInvalidException(
					List.of(new FieldProblem("year", "该批次已有企业提交申报，不能再修改年度或申报类别；如需调整，请关闭本批次后另开批次")));
		}
		refuseOverlap(window, id);
		if (!repository.update(id, expectedVersion, window, userId, Instant.now())) {
			throw new WindowConflictException("该申报批次已被他人修改，请刷新页面查看最新内容后重新修改。");
		}
		audit.record(userId, CHANGED, subject(id), describe(window));
		return find(id);
	}

	/**
	 * Ends an open window now; an announced window that has not opened is withdrawn (撤销)
	 * instead, since nobody can have submitted in it. A closed window stays as it was.
	 */
	public ApplicationWindow close(String userId, long id) {
		repository.lockKind(find(id).kind());
		// Read again under the kind's lock: a change committed meanwhile is what is
		// closed (or a withdrawal meanwhile is said), not the version read before.
		ApplicationWindow current = find(id);
		Instant now = Instant.now();
		switch (current.stateAt(now)) {
			case CLOSED -> throw new WindowConflictException("该申报批次已于 " + current.closesText() + " 截止，无需再关闭。");
			case UPCOMING -> {
				repository.delete(id);
				audit.record(userId, CANCELLED, subject(id), current.batchName() + " " + current.period());
				return current;
			}
			case OPEN -> {
				// An instant after the opening, even when closed in the very instant it
				// opened.
				Instant end = now.isAfter(current.opensAt()) ? now : current.opensAt().plusMillis(1);
				WindowRules.Window closed = new WindowRules.Window(current.year(), current.kind(), current.opensAt(),
						end, current.noticeTitle(), current.noticeText(), current.documentNo());
				if (!repository.update(id, current.version(), closed, userId, now)) {
					throw new WindowConflictException("该申报批次刚被他人修改，未关闭；请刷新页面查看最新内容后再操作。");
				}
				audit.record(userId, CLOSED, subject(id), current.batchName() + " 提前截止");
				return find(id);
			}
			default -> throw new IllegalStateException();
		}
	}

	private void refuseOverlap(WindowRules.Window window, Long changedId) {
		WindowRules.overlapping(window, repository.ofKind(window.kind()), changedId).ifPresent(other -> {
			throw new WindowInvalidException(List.of(WindowRules.overlapProblem(other)));
		});
	}

	private static String subject(long id) {
		return "application-window:" + id;
	}

	private static String describe(WindowRules.Window w) {
		return w.year() + "年度 " + w.kind().name() + " " + w.opensAt() + "/" + w.closesAt() + " " + w.noticeTitle()
				+ (w.documentNo() == null ? "" : " " + w.documentNo());
	}

}

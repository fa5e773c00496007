package cn.liaocheng.renewal.batch;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.batch.internal.WindowStore;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The application windows: the city industry bureau (its reviewers and leads) and
 * administrators open, move and close them; everyone may read the published ones. Every
 * call that changes a window names the user and checks the role here, whatever door it
 * came through.
 */
@Service
public class ApplicationWindows {

	static final String INDUSTRY_BUREAU = GroupNames.city("industry");

	private final WindowStore store;

	ApplicationWindows(WindowStore store) {
		this.store = store;
	}

	/**
	 * Whether {@code user} may open and close windows: the city industry bureau and
	 * administrators.
	 */
	public static boolean mayManage(PortalUser user) {
		return user != null && (user.isAdministrator() || user.groupIds().contains(INDUSTRY_BUREAU)
				|| user.groupIds().contains(GroupNames.lead(INDUSTRY_BUREAU)));
	}

	/** The published notice: the open windows and those announced, soonest first. */
	@Transactional(readOnly = true)
	public List<ApplicationWindow> published() {
		return store.notClosed(Instant.now());
	}

	@Transactional(readOnly = true)
	public List<ApplicationWindow> all(PortalUser user) {
		check(user);
		return store.all();
	}

	@Transactional(readOnly = true)
	public ApplicationWindow get(PortalUser user, long id) {
		check(user);
		return store.find(id);
	}

	@Transactional
	public ApplicationWindow open(PortalUser user, WindowForm form) {
		check(user);
		return store.create(user.userId(), form);
	}

	@Transactional
	public ApplicationWindow change(PortalUser user, long id, WindowForm form, int expectedVersion) {
		check(user);
		return store.update(user.userId(), id, form, expectedVersion);
	}

	/** Closes an open window now, or withdraws one that has not opened yet. */
	@Transactional
	public ApplicationWindow close(PortalUser user, long id) {
		check(user);
		return store.close(user.userId(), id);
	}

	private static void check(PortalUser user) {
		if (!mayManage(user)) {
			throw new AccessDeniedException("只有市工业和信息化局和系统管理员可以管理申报批次");
		}
	}

}

package cn.liaocheng.renewal.notification.internal;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * The unread count in the portal's header, read by the {@code notification/badge}
 * fragment as {@code @notificationBadge.unread(...)}, so that only pages that show the
 * header pay for the query.
 */
@Component("notificationBadge")
public class NotificationBadge {

	private final Inbox inbox;

	NotificationBadge(Inbox inbox) {
		this.inbox = inbox;
	}

	/** Unread notifications of the logged-in user; 0 for anyone else. */
	public long unread(Object principal) {
		return principal instanceof PortalUser user ? inbox.unreadCount(user.userId()) : 0;
	}

}

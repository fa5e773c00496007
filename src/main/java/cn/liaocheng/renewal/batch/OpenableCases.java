package cn.liaocheng.renewal.batch;

import java.util.Collection;
import java.util.Set;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * Which cases a reader may open as a dossier. The library lists every case of the
 * reader's counties, but the review module decides who opens a dossier (the bodies that
 * had a task on the case, and those it was copied to) and implements this, so that the
 * library links only the rows its reader may open without depending on the review.
 */
public interface OpenableCases {

	/**
	 * The cases among {@code applicationIds} that {@code user} may open, decided for all
	 * of them at once (a page of the library is never one query per row).
	 */
	Set<Long> readable(PortalUser user, Collection<Long> applicationIds);

}

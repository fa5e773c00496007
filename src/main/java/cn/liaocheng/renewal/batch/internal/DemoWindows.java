package cn.liaocheng.renewal.batch.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.WindowForm;
import cn.liaocheng.renewal.organization.StartupOrder;

/**
 * The demo (and the tests, which run with it) can submit all year: at every start each
 * kind gets a window over the whole current year in Beijing time, computed from today's
 * date, where no window already covers that time (a demo left running over New Year's Eve
 * needs a restart). A production start has none until the bureau opens one.
 */
@Component
@Profile("demo")
@Order(StartupOrder.DEMO_DATA + 1)
class DemoWindows implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoWindows.class);

	static final String ACTOR = "demo";

	private final WindowRepository repository;

	private final WindowStore store;

	private final TransactionTemplate transactions;

	DemoWindows(WindowRepository repository, WindowStore store, TransactionTemplate transactions) {
		this.repository = repository;
		this.store = store;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		int year = LocalDate.now(ApplicationWindow.BEIJING).getYear();
		for (ApplicationKind kind : ApplicationKind.values()) {
			transactions.executeWithoutResult(status -> open(kind, year));
		}
	}

	/**
	 * A window over {@code year}, narrowed to the part no existing window of the kind
	 * covers.
	 */
	private void open(ApplicationKind kind, int year) {
		repository.lockKind(kind);
		Instant start = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
		Instant end = OffsetDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
		List<ApplicationWindow> existing = repository.ofKind(kind);
		Instant now = Instant.now();
		Instant anchor = now.isAfter(start) && now.isBefore(end) ? now : start;
		for (ApplicationWindow w : existing) {
			if (w.opensAt().isBefore(end) && start.isBefore(w.closesAt())) {
				if (w.openAt(anchor) || (!w.opensAt().isAfter(start) && !w.closesAt().isBefore(end))) {
					return; // the time the demo needs is covered already
				}
				if (!w.closesAt().isAfter(anchor)) {
					start = w.closesAt().isAfter(start) ? w.closesAt() : start;
				}
				else {
					end = w.opensAt().isBefore(end) ? w.opensAt() : end;
				}
			}
		}
		if (!end.isAfter(start)) {
			return;
		}
		store.create(ACTOR,
				new WindowForm(Integer.toString(year), kind.name(), start.atOffset(ZoneOffset.ofHours(8)).toString(),
						end.atOffset(ZoneOffset.ofHours(8)).toString(), year + "年度" + kind.label() + "（演示）",
						"演示环境：全年受理" + kind.label() + "。正式环境由市工业和信息化局按批次发布申报通知。", null));
		LOG.info("Demo window {} {} opened", year, kind);
	}

}

package cn.liaocheng.renewal.clawback.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.review.ClawbackHearings;

/** The clawback's notices, for the issuing rules: read from the record only. */
@Component
class HearingRecord implements ClawbackHearings {

	private final ClawbackStore store;

	private final NoticeStore notices;

	HearingRecord(ClawbackStore store, NoticeStore notices) {
		this.store = store;
		this.notices = notices;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Hearing> of(long applicationId) {
		return store.byApplication(applicationId).map(row -> {
			ClawbackHearings.Notice notice = notices.latest(row.view().id())
				.map(n -> new ClawbackHearings.Notice(n.number(), n.processInstanceId(), n.determinedAt(), n.issuedAt(),
						n.endsAt(), n.answer() == null ? null : n.answer().name(), n.answeredAt()))
				.orElse(null);
			return new Hearing(notices.required(row.view().id()), row.determinedAt(), notice);
		});
	}

}

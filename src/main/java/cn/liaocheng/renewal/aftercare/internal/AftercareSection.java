package cn.liaocheng.renewal.aftercare.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.CasePageSection;

/**
 * The enterprise's case page shows payment, acceptance and performance evaluation once a
 * subsidy is allocated.
 */
@Component
class AftercareSection implements CasePageSection {

	private final AftercareStandings standings;

	AftercareSection(AftercareStandings standings) {
		this.standings = standings;
	}

	@Override
	public Optional<Section> of(ApplicationDetail application) {
		if (application.summary().kind() != ApplicationKind.SUBSIDY) {
			return Optional.empty();
		}
		long id = application.summary().id();
		return standings.of(id)
			.map(view -> new Section("aftercare/section",
					Map.of("view", view, "applicationId", id, "categories", EvidenceCategory.values())));
	}

}

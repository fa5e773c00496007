package cn.liaocheng.renewal.application;

import java.util.Map;
import java.util.Optional;

/**
 * What another module adds to the enterprise's case page about the case, e.g. payment and acceptance after a subsidy
 * was allocated: a template holding a fragment named {@code section}, and the values it shows. Called after the
 * caller's access to the case was checked.
 */
public interface CasePageSection {

	Optional<Section> of(ApplicationDetail application);

	/** {@code template} holds a fragment {@code section} that reads {@code values}. */
	record Section(String template, Map<String, Object> values) {

		public Section {
			values = Map.copyOf(values);
		}

	}

}

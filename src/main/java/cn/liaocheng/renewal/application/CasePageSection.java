package cn.liaocheng.renewal.application;

import java.util.Map;
import java.util.Optional;

/**
 * What another module adds to the enterprise's case page about the case, e.g. payment and
 * acceptance after a subsidy was allocated: a template holding a fragment {@code section}
 * (in the page) and a fragment {@code banner} (at its top, for what the enterprise must
 * do; empty otherwise), and the values they show. Called after the caller's access to the
 * case was checked.
 */
public interface CasePageSection {

	Optional<Section> of(ApplicationDetail application);

	/**
	 * {@code template} holds the fragments {@code section} and {@code banner}, which read
	 * {@code values}.
	 */
	record Section(String template, Map<String, Object> values) {

		public Section {
			values = Map.copyOf(values);
		}

	}

}

package cn.liaocheng.renewal.application;

import java.util.List;
import java.util.Optional;

/**
 * A part of the enterprise's case page kept by another module (e.g. the clawback of an allocated subsidy): a
 * heading, facts as label–value pairs and a closing note. The caller has checked that the reader owns the case.
 */
public interface CaseSupplement {

	Optional<Section> of(ApplicationDetail application);

	/** @param id the HTML id of the section's card */
	record Section(String id, String heading, List<Fact> facts, String note) {

		public Section {
			facts = List.copyOf(facts);
		}

	}

	record Fact(String label, String value) {
	}

}

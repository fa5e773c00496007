package cn.liaocheng.renewal.tasklist.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.tasklist.WaitingTasks;

/**
 * Counts the filters of {@link ReviewerFilter} as the reviewer runs them in Tasklist: in
 * the reviewer's name (the filters' expressions and Camunda's authorizations read it),
 * restoring whatever authentication the thread had. The filters the reviewer may read are
 * looked up once; each is then counted by the engine, one count per filter. One grouped
 * count would not be the same numbers: a filter is a stored query an administrator may
 * edit in Tasklist, and the engine's task query adds the reviewer's authorization checks,
 * which a native count would leave out.
 */
@Component
class FilterCounts implements WaitingTasks {

	private final FilterService filters;

	private final IdentityService identity;

	FilterCounts(FilterService filters, IdentityService identity) {
		this.filters = filters;
		this.identity = identity;
	}

	@Override
	public List<FilterCount> of(String userId, List<String> groupIds) {
		Authentication current = identity.getCurrentAuthentication();
		identity.setAuthentication(userId, groupIds);
		try {
			List<Filter> readable = filters.createTaskFilterQuery().orderByFilterId().asc().list();
			List<FilterCount> counts = new ArrayList<>();
			for (ReviewerFilter wanted : ReviewerFilter.values()) {
				readable.stream()
					.filter(filter -> wanted.filterName().equals(filter.getName()))
					.findFirst()
					.ifPresent(filter -> counts
						.add(new FilterCount(wanted.filterName(), filter.getId(), filters.count(filter.getId()))));
			}
			return counts;
		}
		finally {
			identity.clearAuthentication();
			if (current != null) {
				identity.setAuthentication(current);
			}
		}
	}

}

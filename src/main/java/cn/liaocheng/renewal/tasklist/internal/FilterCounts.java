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
 * restoring whatever authentication the thread had.
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
			List<FilterCount> counts = new ArrayList<>();
			for (ReviewerFilter wanted : ReviewerFilter.values()) {
				List<Filter> readable = filters.createTaskFilterQuery().filterName(wanted.filterName()).list();
				if (!readable.isEmpty()) {
					Filter filter = readable.get(0);
					counts.add(new FilterCount(wanted.filterName(), filter.getId(), filters.count(filter.getId())));
				}
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

package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * The application an after-award step acts on is its instance's business key, as for the
 * review processes; nothing a task completion sends can change it.
 */
final class AftercareCase {

	/** How the system signs the steps it takes itself in the case history. */
	static final String SYSTEM = "system";

	static final String SYSTEM_NAME = "系统";

	private AftercareCase() {
	}

	static long of(String businessKey) {
		try {
			return Long.parseLong(businessKey);
		}
		catch (NumberFormatException | NullPointerException e) {
			throw new ProcessEngineException(
					"After-award process without an application id as business key: " + businessKey, e);
		}
	}

	static long of(DelegateTask task) {
		return of(task.getExecution().getProcessBusinessKey());
	}

	/** The body whose task this is: its candidate group. */
	static String group(DelegateTask task) {
		return GroupNames
			.bodyOf(task.getCandidates()
				.stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(IdentityLink::getGroupId)
				.toList())
			.orElse("");
	}

}

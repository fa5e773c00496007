package cn.liaocheng.renewal.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.browser.SubmittedProjects;

/**
 * Real open review tasks of 冠县工业和信息化局 (county-371525-industry), whose demo member is
 * {@link DemoUsers#COUNTY_REVIEWER}: each comes from a project registration of ent-gx
 * submitted through the application module, waiting at the county formal review. Also a
 * second member of that body, created through Camunda's identity service as an
 * administrator would in Camunda Admin.
 */
public final class CountyReviewTasks {

	public static final String BODY = "county-371525-industry";

	public static final String FORMAL_REVIEW = "Task_CountyFormalReview";

	/** A colleague of {@link DemoUsers#COUNTY_REVIEWER} in the same body. */
	public static final String COLLEAGUE = "gx-industry-2";

	private final Applications applications;

	private final IdentityService identity;

	private final TaskService tasks;

	public CountyReviewTasks(Applications applications, IdentityService identity, TaskService tasks) {
		this.applications = applications;
		this.identity = identity;
		this.tasks = tasks;
	}

	/**
	 * Creates {@link #COLLEAGUE} unless it exists (the context is shared by test
	 * classes).
	 */
	public void ensureColleague() {
		if (identity.createUserQuery().userId(COLLEAGUE).count() > 0) {
			return;
		}
		User user = identity.newUser(COLLEAGUE);
		user.setFirstName("审核员二");
		user.setLastName("冠县工业和信息化局");
		user.setEmail(COLLEAGUE + "@demo.invalid");
		user.setPassword(DemoUsers.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(COLLEAGUE, BODY);
	}

	/** A fresh, unclaimed county formal review. */
	public Task open() {
		ApplicationSummary application = new SubmittedProjects(applications, identity)
			.submitProject(DemoUsers.ENTERPRISE);
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(application.id()))
			.taskDefinitionKey(FORMAL_REVIEW)
			.singleResult();
	}

	/**
	 * A fresh county formal review, claimed by {@code userId} (as the engine, without any
	 * user's authority).
	 */
	public Task heldBy(String userId) {
		Task task = open();
		tasks.claim(task.getId(), userId);
		return tasks.createTaskQuery().taskId(task.getId()).singleResult();
	}

	/** The application (business key) of a task. */
	public static long applicationOf(Task task, org.camunda.bpm.engine.RuntimeService runtime) {
		return Long.parseLong(runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey());
	}

}

package cn.liaocheng.renewal.review;

/**
 * What holds a case's steps ({@link HeldSteps}) changed: a clawback started, and holds
 * the payment, or was dropped, and lets it go. The review module sets the follow-up dates
 * of the case's open steps again (Tasklist's 即将超期 lists a step from its follow-up date):
 * none while a step is held, two working days before its due date otherwise.
 */
public record HeldStepsChanged(long applicationId) {
}

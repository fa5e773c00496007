package cn.liaocheng.renewal.review.opinions;

/**
 * A standing opinion with what the record says of who gave it and where.
 *
 * @param reviewerMember whether the reviewer was, when giving it, a member of the body it
 * is recorded for or of that body's lead group; {@code null} for an opinion recorded
 * before this was kept
 * @param rootProcessInstanceId the root process instance of the task that gave it;
 * {@code null} for an opinion recorded before this was kept
 */
public record OpinionOfRecord(Opinion opinion, Boolean reviewerMember, String rootProcessInstanceId) {
}

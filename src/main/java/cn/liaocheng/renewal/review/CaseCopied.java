package cn.liaocheng.renewal.review;

/**
 * 抄送: {@code byUser} sent the case for information to a body ({@code toGroup}) or a
 * person ({@code toUser}).
 */
public record CaseCopied(long applicationId, String toGroup, String toUser, String byUser, String reason) {
}

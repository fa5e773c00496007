package cn.liaocheng.renewal.notification.internal;

/** A user to notify, with the addresses the channels may use (null where unknown). */
record Recipient(String userId, String email, String mobile) {
}

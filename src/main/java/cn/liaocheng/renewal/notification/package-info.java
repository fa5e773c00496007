/**
 * Notifications for enterprises and reviewers: a message centre per user, filled from the
 * other modules' events in their own transactions, and an outbox from which e-mail and
 * SMS are sent afterwards, with retries that administrators can follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.liaocheng.renewal.notification;

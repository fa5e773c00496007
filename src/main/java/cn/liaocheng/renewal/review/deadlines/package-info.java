/**
 * Due dates of review tasks (set at creation, moved on change), the overdue timer and its
 * escalation to the body's lead, and the working days left.
 */
package cn.liaocheng.renewal.review.deadlines;

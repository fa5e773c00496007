/**
 * The review processes on the engine: the implementation of application.CaseReviews
 * (start, resume, cancel, correlation), the case a process acts on (its business key),
 * and the scheduler for non-engine jobs.
 */
package cn.liaocheng.renewal.review.process;

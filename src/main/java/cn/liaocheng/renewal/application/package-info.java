/**
 * Enterprises' applications of the three kinds (project registration, subsidy, loan):
 * dossiers with equipment lines and attachments, drafts, submission into the review
 * processes, status and history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package cn.liaocheng.renewal.application;

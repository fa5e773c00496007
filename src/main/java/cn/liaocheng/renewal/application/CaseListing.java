package cn.liaocheng.renewal.application;

/** An application as a reviewers' list shows it: its summary and the applicant's name. */
public record CaseListing(ApplicationSummary summary, String enterpriseName) {
}

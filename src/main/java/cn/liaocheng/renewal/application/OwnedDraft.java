package cn.liaocheng.renewal.application;

/**
 * A draft not yet submitted, with the account of the enterprise that may submit it.
 */
public record OwnedDraft(ApplicationSummary draft, String enterpriseUser) {
}

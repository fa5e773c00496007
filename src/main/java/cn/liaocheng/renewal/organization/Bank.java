package cn.liaocheng.renewal.organization;

/**
 * A bank that lends for listed projects. {@code relendingEligible}: one of the national
 * institutions that lend the technology-innovation and technical-renovation re-lending;
 * only their loans can use re-lending funds.
 */
public record Bank(String key, String name, boolean active, boolean relendingEligible) {
}

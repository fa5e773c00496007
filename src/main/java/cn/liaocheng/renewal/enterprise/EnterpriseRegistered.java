package cn.liaocheng.renewal.enterprise;

import java.time.Instant;

/**
 * Published in the registering transaction when an enterprise registers and its account
 * waits for its county to activate it; a registration that fails (a lost race, a refused
 * field) rolls back with it and publishes nothing.
 *
 * @param industryBureau the group of the county industry bureau that activates it, e.g.
 * {@code county-371525-industry}
 * @param registeredAt when it registered, as the county's list shows it
 * @param movedFrom the name of the county that issued its credit code, for an enterprise
 * that declared it moved from there (the bureau checks the business licence's address);
 * null for any other
 */
public record EnterpriseRegistered(long enterpriseId, String creditCode, String enterpriseName, String divisionCode,
		String industryBureau, Instant registeredAt, String movedFrom) {
}

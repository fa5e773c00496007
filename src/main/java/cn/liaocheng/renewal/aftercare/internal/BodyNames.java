package cn.liaocheng.renewal.aftercare.internal;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * The Chinese name of the body behind a review group, as the case history and the
 * enterprise's page name it.
 */
@Component
class BodyNames {

	private final OrganizationCatalog organizations;

	BodyNames(OrganizationCatalog organizations) {
		this.organizations = organizations;
	}

	String of(String group) {
		return organizations.reviewGroups()
			.stream()
			.filter(g -> g.id().equals(group))
			.map(OrganizationCatalog.ReviewGroup::name)
			.findFirst()
			.orElse(group);
	}

}

package cn.liaocheng.renewal.admin.internal;

import java.util.Set;

/** What a deployment brings along itself, so that its models may refer to each other. */
record DeploymentContents(Set<String> resourceNames, Set<String> formKeys, Set<String> decisionKeys) {
}

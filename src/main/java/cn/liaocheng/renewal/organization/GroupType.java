package cn.liaocheng.renewal.organization;

/**
 * The kind of a Camunda group, stored as the group's {@code type}. The kind, not the
 * name, decides which doors a member may open, so an administrator who adds a group in
 * Camunda Admin sets its type to one of these.
 */
public enum GroupType {

	/** A county department (or a development zone's). */
	COUNTY,
	/** A city body. */
	CITY,
	/** A participating bank. */
	BANK,
	/** Enterprise accounts. */
	ENTERPRISE,
	/** Camunda's administrators' group. */
	SYSTEM;

	/**
	 * The type of a group as stored by Camunda, or {@code null} when it is none of ours.
	 */
	public static GroupType of(String stored) {
		if (stored == null) {
			return null;
		}
		for (GroupType type : values()) {
			if (type.name().equalsIgnoreCase(stored)) {
				return type;
			}
		}
		return null;
	}

}

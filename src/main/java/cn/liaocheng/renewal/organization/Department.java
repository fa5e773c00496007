package cn.liaocheng.renewal.organization;

/**
 * A line of government work that exists at city level and usually also in each county, e.g. industry (工业和信息化).
 * {@code countySuffix} is {@code null} when counties have no counterpart (the telecom office).
 */
public record Department(String key, String cityName, String countySuffix, String concern) {

	public boolean hasCountyCounterpart() {
		return countySuffix != null;
	}

	/** The name of this department in a county, e.g. 冠县工业和信息化局. */
	public String nameIn(Division division) {
		return division.name() + countySuffix;
	}

}

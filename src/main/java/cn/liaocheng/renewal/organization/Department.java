package cn.liaocheng.renewal.organization;

/**
 * A line of government work that exists at city level and usually also in each county,
 * e.g. industry (工业和信息化). {@code countyNamePattern} is the official style of the county
 * counterpart's name with {@code {county}} standing for the division (e.g.
 * 聊城市生态环境局{county}分局), or {@code null} when counties have no counterpart (the telecom
 * office).
 */
public record Department(String key, String cityName, String countyNamePattern, String concern) {

	public boolean hasCountyCounterpart() {
		return countyNamePattern != null;
	}

	/** The name of this department in a county, e.g. 冠县工业和信息化局 or 国家税务总局冠县税务局. */
	public String nameIn(Division division) {
		return countyNamePattern.replace("{county}", division.name());
	}

}

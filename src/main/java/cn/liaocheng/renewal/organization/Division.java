package cn.liaocheng.renewal.organization;

/** A county-level division or a city development zone, which reviews like a county. */
public record Division(String code, String name, Kind kind) {

	/**
	 * Whether the code is a GB/T 2260 county code or one of the system's codes for a
	 * development zone.
	 */
	public enum Kind {

		COUNTY, ZONE

	}

}

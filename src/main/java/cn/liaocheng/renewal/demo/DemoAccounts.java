package cn.liaocheng.renewal.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo accounts, listed in README.md. User ids are short pinyin so that a tester can
 * type them; the person names are the post, not invented people.
 */
final class DemoAccounts {

	/**
	 * The short pinyin of each division, for user ids such as {@code gx-industry}
	 * (冠县工业和信息化局).
	 */
	static final Map<String, String> DIVISION_ABBREVIATIONS = Map.ofEntries(Map.entry("371502", "dcf"),
			Map.entry("371503", "cp"), Map.entry("371521", "yg"), Map.entry("371522", "sx"), Map.entry("371524", "da"),
			Map.entry("371525", "gx"), Map.entry("371526", "gt"), Map.entry("371581", "lq"), Map.entry("lcetdz", "jkq"),
			Map.entry("lchtz", "gxq"), Map.entry("lcjbsc", "jbsc"));

	/** The county departments that get a demo reviewer in every division. */
	static final List<String> COUNTY_DEPARTMENTS = List.of("industry", "finance");

	static final String ADMINISTRATOR = "admin";

	static final List<DemoEnterprise> ENTERPRISES = List.of(
			new DemoEnterprise("ent-gx", "91371525MA3CB7K21F", "冠县演示轴承制造有限公司", "371525", "轴承制造"),
			new DemoEnterprise("ent-lq", "91371581MA3D2E8L4F", "临清市演示纺织机械有限公司", "371581", "纺织机械"),
			new DemoEnterprise("ent-dcf", "91371502MA3EX1P95L", "东昌府区演示精细化工有限公司", "371502", "精细化工"));

	private DemoAccounts() {
	}

	record DemoEnterprise(String userId, String creditCode, String name, String divisionCode, String industry) {
	}

}

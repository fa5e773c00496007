package cn.liaocheng.renewal.review.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import cn.liaocheng.renewal.enterprise.PhoneNumber;
import cn.liaocheng.renewal.review.notice.NoticeBoard.ObjectionForm;
import cn.liaocheng.renewal.security.PlainText;

/**
 * What a public objection must hold, field by field and in Chinese: a real name, a
 * reachable phone, facts and reasons, and nothing hidden — the content is read out to the
 * lead body and printed in its task. Also what makes two objections "the same" for
 * merging.
 */
final class ObjectionRules {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private ObjectionRules() {
	}

	/** Every field's problem, in form order; empty when the objection may be filed. */
	static Map<String, String> check(ObjectionForm o) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = strip(o.name());
		if (name.isEmpty() || name.length() > 64) {
			errors.put("name", "请填写真实姓名（实名异议方予受理）");
		}
		else {
			PlainText.problem(name, false).ifPresent(p -> errors.put("name", "姓名" + p));
		}
		String organisation = strip(o.organisation());
		if (organisation.length() > 128) {
			errors.put("organisation", "单位名称不能超过 128 个字");
		}
		else {
			PlainText.problem(organisation, false).ifPresent(p -> errors.put("organisation", "单位名称" + p));
		}
		if (!PhoneNumber.isValid(strip(o.phone()))) {
			errors.put("phone", "请填写可联系的手机号或固定电话");
		}
		String content = strip(o.content());
		if (content.length() < 10 || content.length() > 2000) {
			errors.put("content", "请写明异议事实和理由（10 至 2000 字）");
		}
		else {
			PlainText.problem(content, true).ifPresent(p -> errors.put("content", "异议事实和理由" + p));
		}
		return errors;
	}

	/**
	 * The phone line an objection came from, as its limit counts it and merging compares
	 * it: 0635-8123456, 06358123456 and 0635-8123456-801 are one caller, since an
	 * extension is whatever the objector types after the number.
	 */
	static String phoneLine(String phone) {
		return PhoneNumber.line(phone);
	}

	/**
	 * The content as compared for merging: runs of whitespace (full-width spaces, line
	 * breaks) count as one space.
	 */
	static String comparable(String content) {
		return WHITESPACE.matcher(strip(content)).replaceAll(" ");
	}

	static String strip(String text) {
		return text == null ? "" : text.strip();
	}

}

package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The free-text rule, character class by character class, single-line and multi-line. */
class PlainTextTest {

	private static final String BIDI = "含有改变文字方向的控制字符，请删除后重新输入";

	private static final String INVISIBLE = "含有不可见的控制字符，请删除后重新输入";

	private static final String BROKEN = "含有无法识别的字符（不完整的编码），请删除后重新输入";

	@Test
	void acceptsOrdinaryChineseAndLatinTextAndNull() {
		assertThat(PlainText.problem("聊城市东昌府区某机械制造有限公司（Liaocheng Co., Ltd.）№ 3 – 5", false)).isEmpty();
		assertThat(PlainText.problem("", false)).isEmpty();
		assertThat(PlainText.problem(null, false)).isEmpty();
		assertThat(PlainText.isClean(null, true)).isTrue();
	}

	@Test
	void acceptsCharactersOutsideTheBasicPlaneWrittenAsValidSurrogatePairs() {
		String emoji = "设备更新 \uD83D\uDE9C\uD83D\uDC4D";
		String extensionB = "\uD840\uDC0B\uD841\uDF0E 家族企业";
		String zwjFamily = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
		assertThat(emoji.codePoints().anyMatch(Character::isSupplementaryCodePoint)).isTrue();
		assertThat(extensionB.codePointAt(0)).isEqualTo(0x2000B);

		assertThat(PlainText.problem(emoji, false)).isEmpty();
		assertThat(PlainText.problem(extensionB, false)).isEmpty();
		assertThat(PlainText.problem(zwjFamily, false)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
			"\u200E", "\u200F", "\u061C" })
	void refusesEveryBidirectionalControlWhetherSingleOrMultiLine(String control) {
		String text = "拟奖补" + control + "元00.000,05";
		assertThat(PlainText.problem(text, false)).contains(BIDI);
		assertThat(PlainText.problem(text, true)).contains(BIDI);
		assertThat(PlainText.isClean(text, true)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F",
			"\u0085", "\u009B", "\u2028", "\u2029", "\uFEFF", "\u200B", "\u00AD", "\u2060", "\u180E", "\u206A",
			"\uFFF9", "\uDB40\uDC01" })
	void refusesControlAndInvisibleCharactersEvenInMultiLineText(String control) {
		String text = "设备名称" + control + "数控车床";
		assertThat(PlainText.problem(text, false)).contains(INVISIBLE);
		assertThat(PlainText.problem(text, true)).contains(INVISIBLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r\n", "\t" })
	void allowsLineBreaksAndTabsOnlyInMultiLineText(String whitespace) {
		String text = "第一，设备系翻新旧设备；" + whitespace + "第二，发票金额高于市场价。";
		assertThat(PlainText.problem(text, true)).isEmpty();
		assertThat(PlainText.problem(text, false)).contains(INVISIBLE);
	}

	@Test
	void refusesAHighSurrogateWithoutItsLowHalf() {
		assertThat(PlainText.problem("企业\uD83D", false)).contains(BROKEN);
		assertThat(PlainText.problem("企业\uD83D名称", true)).contains(BROKEN);
		assertThat(PlainText.problem("\uD83D\uD83D\uDE9C", false)).as("two highs then a low").contains(BROKEN);
	}

	@Test
	void refusesALowSurrogateWithoutItsHighHalf() {
		assertThat(PlainText.problem("\uDE9C企业", false)).contains(BROKEN);
		assertThat(PlainText.problem("企业\uDE9C\uD83D", true)).contains(BROKEN);
	}

	@Test
	void namesTheFirstProblemFoundInTheText() {
		assertThat(PlainText.problem("\u0001\u202E", false)).contains(INVISIBLE);
		assertThat(PlainText.problem("\u202E\u0001", false)).contains(BIDI);
	}

}

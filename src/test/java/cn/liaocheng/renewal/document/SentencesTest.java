package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A reviewer's or a body's text becomes a sentence of a document once: closed with a full
 * stop unless it already ends as a sentence, never with a second stop.
 */
class SentencesTest {

	@Test
	void textWithoutAnEndGainsAFullStop() {
		assertThat(Sentences.ended("  材料齐全 ")).isEqualTo("材料齐全。");
	}

	@Test
	void textThatAlreadyEndsKeepsItsEnd() {
		assertThat(Sentences.ended("材料齐全。")).isEqualTo("材料齐全。");
		assertThat(Sentences.ended("是否属实？")).isEqualTo("是否属实？");
		assertThat(Sentences.ended("请立即整改！")).isEqualTo("请立即整改！");
		assertThat(Sentences.ended("See annex 2.")).isEqualTo("See annex 2.");
	}

	@Test
	void nothingWrittenStaysEmpty() {
		assertThat(Sentences.ended(null)).isEmpty();
		assertThat(Sentences.ended(" \n ")).isEmpty();
	}

}

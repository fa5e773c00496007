package cn.liaocheng.renewal.decision.internal;

import java.util.List;

/**
 * The words of a decision, in reading order, before layout: title, addressee, then
 * headings and paragraphs.
 */
record Letter(String title, String addressee, List<Block> blocks) {

	enum Kind {

		/** 一、基本情况 */
		HEADING,
		/** An indented paragraph. */
		PARAGRAPH

	}

	record Block(Kind kind, String text) {
	}

}

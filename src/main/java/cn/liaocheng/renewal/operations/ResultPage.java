package cn.liaocheng.renewal.operations;

import java.util.List;

/**
 * One page of a list that is shown a page at a time, and how many rows match in all.
 *
 * @param items the rows of this page
 * @param total how many rows match in all
 * @param number the page's number, from 1
 * @param size how many rows a page holds
 */
public record ResultPage<T>(List<T> items, int total, int number, int size) {

	public ResultPage {
		items = List.copyOf(items);
	}

	/** How many pages there are; an empty list has one (empty) page. */
	public int pages() {
		return pages(total, size);
	}

	/**
	 * The page to show for the one asked for: from 1, and past the last page, the last (a
	 * bookmarked page of a list that has shrunk shows its end, not nothing).
	 */
	public static int number(int requested, int total, int size) {
		return Math.min(Math.max(1, requested), pages(total, size));
	}

	/** The rows before page {@code number}. */
	public static int offset(int number, int size) {
		return (number - 1) * size;
	}

	/** How many pages {@code total} rows fill; an empty list has one. */
	public static int pages(int total, int size) {
		return Math.max(1, (total + size - 1) / size);
	}

}

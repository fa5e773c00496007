package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The kept previews stay within their bytes, least recently used going first, and are
 * forgotten when old.
 */
class RecentPreviewsTest {

	private final AtomicLong now = new AtomicLong();

	private final RecentPreviews recent = new RecentPreviews(10_000, Duration.ofMinutes(10), now::get);

	@Test
	void thePictureLeastRecentlyUsedMakesRoomForANewOne() {
		for (String file : new String[] { "a", "b", "c", "d" }) {
			recent.putPage(file, "application/pdf", page(1, 2_000));
		}
		recent.page("a", "application/pdf", 1);

		recent.putPage("e", "application/pdf", page(1, 2_000));

		assertThat(recent.page("b", "application/pdf", 1)).as("least recently used").isEmpty();
		for (String file : new String[] { "a", "c", "d", "e" }) {
			assertThat(recent.page(file, "application/pdf", 1)).as(file).isPresent();
		}
		assertThat(recent.bytes()).isLessThanOrEqualTo(10_000);
	}

	@Test
	void aPictureOlderThanTheLimitIsNotFound() {
		recent.putPage("a", "application/pdf", page(2, 1_000));
		now.addAndGet(Duration.ofMinutes(10).toNanos());
		assertThat(recent.page("a", "application/pdf", 2)).isPresent();

		now.addAndGet(1);

		assertThat(recent.page("a", "application/pdf", 2)).isEmpty();
		assertThat(recent.pages("a", "application/pdf")).isEmpty();
	}

	@Test
	void aPictureTooLargeToShareTheRoomIsNotKept() {
		recent.putPage("huge", "application/pdf", page(1, 5_000));

		assertThat(recent.page("huge", "application/pdf", 1)).isEmpty();
		assertThat(recent.bytes()).isLessThan(1_000);
	}

	@Test
	void aPageTellsThePageCountOfItsFile() {
		recent.putPage("a", "application/pdf", page(3, 100));

		assertThat(recent.pages("a", "application/pdf")).hasValue(7);
		assertThat(recent.pages("a", "image/png")).isEmpty();
	}

	private static Previews.Page page(int number, int size) {
		return new Previews.Page(new byte[size], number, 7);
	}

}

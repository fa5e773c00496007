package cn.liaocheng.renewal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The node's budget for uploads held in memory: room is held by size and given back once;
 * an upload that finds none within the wait is refused.
 */
class UploadMemoryTest {

	@Test
	void roomIsHeldBySizeAndGivenBackOnce() {
		UploadMemory memory = new UploadMemory(4, 50);
		UploadMemory.Held three = memory.hold(3 * 1024);
		assertThatThrownBy(() -> memory.hold(2 * 1024)).isInstanceOf(UploadMemory.Busy.class)
			.hasMessage(UploadMemory.BUSY_MESSAGE);
		try (UploadMemory.Held one = memory.hold(1)) {
			// a byte takes a whole kilobyte: the fourth
			assertThatThrownBy(() -> memory.hold(1)).isInstanceOf(UploadMemory.Busy.class);
		}
		three.close();
		three.close(); // given back once, not twice
		UploadMemory.Held four = memory.hold(4 * 1024);
		assertThatThrownBy(() -> memory.hold(1)).as("closing twice did not make room beyond the budget")
			.isInstanceOf(UploadMemory.Busy.class);
		four.close();
	}

	@Test
	void nothingToHoldNeedsNoRoom() {
		UploadMemory memory = new UploadMemory(1, 50);
		try (UploadMemory.Held all = memory.hold(1024)) {
			try (UploadMemory.Held none = memory.hold(0)) {
				assertThat(none).isNotNull();
			}
		}
	}

	@Test
	void anUploadWaitsForRoomWithinTheWait() throws Exception {
		UploadMemory memory = new UploadMemory(2, 5_000);
		UploadMemory.Held first = memory.hold(2 * 1024);
		Thread releaser = new Thread(() -> {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			first.close();
		});
		releaser.start();
		try (UploadMemory.Held second = memory.hold(2 * 1024)) {
			assertThat(second).isNotNull();
		}
		releaser.join();
	}

}

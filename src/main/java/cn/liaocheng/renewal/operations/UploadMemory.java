package cn.liaocheng.renewal.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the uploads a node holds in its heap at once may add up to. The container keeps an
 * upload's files on disk while the request is read (Spring's limits: 10 MB a file, 50 MB
 * a request); a controller then takes them into memory to check and store them, and the
 * check reads a PDF's structure besides. A node runs with
 * {@code -Xmx384m -XX:+ExitOnOutOfMemoryError}, so eight requests of 50 MB at once would
 * end it. Each upload therefore holds its files' size from a budget of
 * {@value #BUDGET_MB} MB a node before its bytes are read, and gives it back when the
 * request is answered; one that finds no room within {@value #WAIT_SECONDS} s
 * ({@code renewal.uploads.wait}) is refused with {@link Busy} (answered 503 with a
 * Chinese message), nothing stored. Taken only after the caller is known and the case is
 * theirs, so that nobody else can hold the budget.
 */
@Component
public class UploadMemory {

	static final int BUDGET_MB = 64;

	static final int WAIT_SECONDS = 20;

	/** What the refusal says. */
	public static final String BUSY_MESSAGE = "服务器正在处理较多的上传，本次上传未保存。请稍候半分钟再上传";

	private static final Logger LOG = LoggerFactory.getLogger(UploadMemory.class);

	private final Semaphore budget;

	private final long waitMillis;

	@Autowired
	UploadMemory(@Value("${renewal.uploads.wait:" + WAIT_SECONDS + "s}") Duration wait) {
		this(BUDGET_MB * 1024, wait.toMillis());
	}

	UploadMemory(int budgetKb, long waitMillis) {
		this.budget = new Semaphore(budgetKb, true);
		this.waitMillis = waitMillis;
	}

	/** Holds the size of every file of a multipart request. */
	public Held hold(HttpServletRequest request) {
		long bytes = 0;
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
				for (MultipartFile file : part.getValue()) {
					bytes += file.getSize();
				}
			}
		}
		return hold(bytes);
	}

	/** Holds the size of one file. */
	public Held hold(MultipartFile file) {
		return hold(file == null ? 0 : file.getSize());
	}

	/**
	 * Holds {@code bytes} of the budget until the answer is closed; refused with
	 * {@link Busy} when there is no room for them within the wait.
	 */
	public Held hold(long bytes) {
		// Whole kilobytes, never more than the budget (a request's bound keeps it far
		// below).
		int kilobytes = (int) Math.min((Math.max(bytes, 0) + 1023) / 1024, (long) BUDGET_MB * 1024);
		if (kilobytes == 0) {
			return new Held(0);
		}
		try {
			if (!budget.tryAcquire(kilobytes, waitMillis, TimeUnit.MILLISECONDS)) {
				LOG.warn("Upload of {} kB refused: the node holds its {} MB of uploads already", kilobytes, BUDGET_MB);
				throw new Busy();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		return new Held(kilobytes);
	}

	/** Room held in the budget, given back once. */
	public final class Held implements AutoCloseable {

		private int kilobytes;

		private Held(int kilobytes) {
			this.kilobytes = kilobytes;
		}

		@Override
		public void close() {
			if (kilobytes > 0) {
				budget.release(kilobytes);
				kilobytes = 0;
			}
		}

	}

	/**
	 * No room for an upload now, or no check of its file free ({@code Previews}): nothing
	 * of it was stored.
	 */
	public static final class Busy extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Busy() {
			super(BUSY_MESSAGE);
		}

	}

}

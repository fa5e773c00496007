package cn.liaocheng.renewal.document;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The preview pictures and page counts made lately on this node, so that a file read
 * again (the next page's request, another reader, the page opened again) is not rendered
 * again. Kept by the file's content (its SHA-256, which the store computed when it took
 * the file), not by attachment or reader: a caller finds a picture only with a file it
 * has read, so its access check, made before it reads the file, is the check for the
 * picture too. Bounded by the bytes of the pictures held, least recently used dropped
 * first, and by age.
 */
final class RecentPreviews {

	/** Page 0 stands for the file's page count. */
	record Key(String sha256, String mediaType, int page) {
	}

	private record Entry(Object value, long size, long madeAt) {
	}

	/** What an entry costs besides its picture: key, record and map node, roughly. */
	private static final long OVERHEAD = 200;

	private final long maxBytes;

	private final long maxAgeNanos;

	private final LongSupplier nanoTime;

	private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

	private long bytes;

	RecentPreviews(long maxBytes, Duration maxAge, LongSupplier nanoTime) {
		this.maxBytes = maxBytes;
		this.maxAgeNanos = maxAge.toNanos();
		this.nanoTime = nanoTime;
	}

	synchronized Optional<Integer> pages(String sha256, String mediaType) {
		return get(new Key(sha256, mediaType, 0), Integer.class);
	}

	synchronized void putPages(String sha256, String mediaType, int pages) {
		put(new Key(sha256, mediaType, 0), pages, 0);
	}

	synchronized Optional<Previews.Page> page(String sha256, String mediaType, int number) {
		return get(new Key(sha256, mediaType, number), Previews.Page.class);
	}

	synchronized void putPage(String sha256, String mediaType, Previews.Page page) {
		put(new Key(sha256, mediaType, page.number()), page, page.jpeg().length);
		put(new Key(sha256, mediaType, 0), page.pages(), 0);
	}

	/** The bytes held now, for tests. */
	synchronized long bytes() {
		return bytes;
	}

	private <T> Optional<T> get(Key key, Class<T> type) {
		Entry entry = entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (nanoTime.getAsLong() - entry.madeAt() > maxAgeNanos) {
			remove(key);
			return Optional.empty();
		}
		return Optional.of(type.cast(entry.value()));
	}

	private void put(Key key, Object value, long pictureBytes) {
		long size = pictureBytes + OVERHEAD;
		if (size > maxBytes / 4) {
			// One huge picture would push out everything else for a single reader.
			return;
		}
		remove(key);
		entries.put(key, new Entry(value, size, nanoTime.getAsLong()));
		bytes += size;
		dropStaleAndOverflow();
	}

	private void remove(Key key) {
		Entry old = entries.remove(key);
		if (old != null) {
			bytes -= old.size();
		}
	}

	/** Least recently used first, since the map keeps its entries in order of use. */
	private void dropStaleAndOverflow() {
		long now = nanoTime.getAsLong();
		Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
		while (eldest.hasNext()) {
			Entry entry = eldest.next().getValue();
			if (bytes <= maxBytes && now - entry.madeAt() <= maxAgeNanos) {
				break;
			}
			eldest.remove();
			bytes -= entry.size();
		}
	}

}

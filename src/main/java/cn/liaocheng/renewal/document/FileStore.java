package cn.liaocheng.renewal.document;

import java.util.Optional;

/**
 * Where files live. The database implementation joins the caller's transaction, so a file
 * stored by a change that rolls back disappears with it; an object store could stand
 * behind the same interface later.
 */
public interface FileStore {

	StoredFile store(byte[] content, String mediaType);

	Optional<FileContent> read(long id);

	/** What is known of a file without reading its content. */
	Optional<StoredFile> describe(long id);

	void delete(long id);

}

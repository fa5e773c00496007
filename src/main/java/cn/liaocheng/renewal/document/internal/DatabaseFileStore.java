package cn.liaocheng.renewal.document.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.document.FileContent;
import cn.liaocheng.renewal.document.FileStore;
import cn.liaocheng.renewal.document.StoredFile;

/** Files in the {@code stored_file} table, in the caller's transaction. */
@Component
class DatabaseFileStore implements FileStore {

	private final JdbcClient jdbc;

	DatabaseFileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public StoredFile store(byte[] content, String mediaType) {
		String sha256 = sha256(content);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO stored_file (sha256, size_bytes, media_type, created_at, content) VALUES (?, ?, ?, ?, ?)")
			.params(sha256, content.length, mediaType, Timestamp.from(Instant.now()), content)
			.update(key, "id");
		return new StoredFile(key.getKey().longValue(), mediaType, content.length, sha256);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<FileContent> read(long id) {
		return jdbc.sql("SELECT id, media_type, size_bytes, sha256, content FROM stored_file WHERE id = ?")
			.param(id)
			.query((rs, n) -> new FileContent(
					new StoredFile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4).strip()),
					rs.getBytes(5)))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StoredFile> describe(long id) {
		return jdbc.sql("SELECT id, media_type, size_bytes, sha256 FROM stored_file WHERE id = ?")
			.param(id)
			.query((rs, n) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4).strip()))
			.optional();
	}

	@Override
	@Transactional
	public void delete(long id) {
		jdbc.sql("DELETE FROM stored_file WHERE id = ?").param(id).update();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

}

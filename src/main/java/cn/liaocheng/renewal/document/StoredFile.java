package cn.liaocheng.renewal.document;

/** A file the store holds: its id, content type, size and SHA-256 (hex). */
public record StoredFile(long id, String mediaType, long size, String sha256) {
}

package cn.liaocheng.renewal.document;

/** A stored file with its bytes. */
public record FileContent(StoredFile file, byte[] bytes) {
}

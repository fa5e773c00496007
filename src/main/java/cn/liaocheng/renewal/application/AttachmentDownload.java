package cn.liaocheng.renewal.application;

/** An attachment's bytes with the name and type to send them under. */
public record AttachmentDownload(String fileName, String mediaType, String sha256, byte[] bytes) {
}

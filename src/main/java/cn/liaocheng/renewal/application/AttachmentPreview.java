package cn.liaocheng.renewal.application;

import java.util.function.Supplier;

/**
 * An attachment as its preview needs it: name, type and SHA-256 read at once, its bytes
 * only when a page is drawn that was not drawn a while ago ({@code bytes} reads the file
 * store each time it is called).
 */
public record AttachmentPreview(String fileName, String mediaType, String sha256, Supplier<byte[]> bytes) {
}

package cn.liaocheng.renewal.document;

import java.util.Optional;

/**
 * The kinds of file applicants may upload, recognised by their first bytes, never by
 * their names.
 */
public enum FileType {

	PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
	JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });

	private final String mediaType;

	private final String extension;

	private final byte[] signature;

	FileType(String mediaType, String extension, byte[] signature) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.signature = signature;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/** The type the content really is, whatever the file is called. */
	public static Optional<FileType> of(byte[] content) {
		for (FileType type : values()) {
			if (content.length >= type.signature.length && startsWith(content, type.signature)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}

package cn.liaocheng.renewal.document;

import java.util.Locale;
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

	/**
	 * The name to save a file of this type under, so that the reader's computer opens it
	 * as what it is: the uploaded name when it ends in one of the type's extensions, else
	 * with the type's own added ("营业执照.hta" becomes "营业执照.hta.pdf"). An upload is
	 * accepted by its content, so its name may claim anything.
	 */
	public String nameFor(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "附件" : fileName.strip();
		int dot = name.lastIndexOf('.');
		String given = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		boolean fits = switch (this) {
			case PDF -> given.equals("pdf");
			case JPEG -> given.equals("jpg") || given.equals("jpeg");
			case PNG -> given.equals("png");
		};
		return fits ? name : name + "." + extension;
	}

	/** The type stored under {@code mediaType}, if it is one of these. */
	public static Optional<FileType> ofMediaType(String mediaType) {
		for (FileType type : values()) {
			if (type.mediaType.equalsIgnoreCase(mediaType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
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

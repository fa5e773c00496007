package cn.liaocheng.renewal.document;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * What a PNG or JPEG says of itself before any pixel is decoded: its size, its bands
 * (samples a pixel) and bits a sample, and for a JPEG whether it is progressive. A
 * decoder allocates by these numbers, not by the file's weight: a 300 kB PNG may claim
 * 300 MB of pixels, so they are read first and bounded ({@link Previews}, the upload
 * checks).
 *
 * @param progressive a progressive JPEG: its decoder keeps the whole image's coefficients
 * (about twice the decoded bytes, outside the heap) whatever the subsampling, where a
 * baseline JPEG or a PNG is decoded a row at a time
 */
public record ImageHeader(int width, int height, int bands, int bitsPerSample, boolean progressive) {

	/**
	 * The bytes the pixels take once decoded at full size: a sample of more than 8 bits
	 * takes two.
	 */
	public long decodedBytes() {
		return (long) width * height * bands * (bitsPerSample > 8 ? 2 : 1);
	}

	/** The header of a PNG or JPEG file; empty for anything else or a damaged header. */
	public static Optional<ImageHeader> of(byte[] content) {
		Optional<FileType> type = FileType.of(content);
		if (type.isEmpty()) {
			return Optional.empty();
		}
		try {
			return switch (type.get()) {
				case PNG -> png(content);
				case JPEG -> jpeg(new ByteArrayInputStream(content));
				case PDF -> Optional.empty();
			};
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	/**
	 * The header of the JPEG data read from {@code in} (a file, or a PDF image's DCT
	 * stream): its first frame's SOF segment. Empty when there is none before the scan.
	 */
	public static Optional<ImageHeader> jpeg(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		try {
			if (data.readUnsignedByte() != 0xFF || data.readUnsignedByte() != 0xD8) {
				return Optional.empty();
			}
			while (true) {
				int marker = nextMarker(data);
				if (marker == 0xD9 || marker == 0xDA) {
					return Optional.empty();
				}
				if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
					continue;
				}
				int length = data.readUnsignedShort();
				if (length < 2) {
					return Optional.empty();
				}
				if (isStartOfFrame(marker)) {
					int precision = data.readUnsignedByte();
					int height = data.readUnsignedShort();
					int width = data.readUnsignedShort();
					int components = data.readUnsignedByte();
					if (width == 0 || height == 0 || components == 0) {
						// A height given later (DNL) is not supported by the decoders
						// used here.
						return Optional.empty();
					}
					boolean progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
					return Optional.of(new ImageHeader(width, height, components, precision, progressive));
				}
				data.skipNBytes(length - 2L);
			}
		}
		catch (EOFException e) {
			return Optional.empty();
		}
	}

	private static int nextMarker(DataInputStream data) throws IOException {
		int b = data.readUnsignedByte();
		while (b != 0xFF) {
			b = data.readUnsignedByte();
		}
		while (b == 0xFF) {
			b = data.readUnsignedByte();
		}
		return b;
	}

	/** SOF0 to SOF15, less DHT (C4), JPG (C8) and DAC (CC). */
	private static boolean isStartOfFrame(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

	private static Optional<ImageHeader> png(byte[] content) throws IOException {
		DataInputStream data = new DataInputStream(new ByteArrayInputStream(content));
		try {
			data.skipNBytes(8);
			int length = data.readInt();
			byte[] type = data.readNBytes(4);
			if (length != 13 || type[0] != 'I' || type[1] != 'H' || type[2] != 'D' || type[3] != 'R') {
				return Optional.empty();
			}
			long width = data.readInt() & 0xFFFFFFFFL;
			long height = data.readInt() & 0xFFFFFFFFL;
			int bitDepth = data.readUnsignedByte();
			int bands = switch (data.readUnsignedByte()) {
				case 0, 3 -> 1;
				case 2 -> 3;
				case 4 -> 2;
				case 6 -> 4;
				default -> 0;
			};
			if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE || bands == 0) {
				return Optional.empty();
			}
			return Optional.of(new ImageHeader((int) width, (int) height, bands, bitDepth, false));
		}
		catch (EOFException e) {
			return Optional.empty();
		}
	}

}

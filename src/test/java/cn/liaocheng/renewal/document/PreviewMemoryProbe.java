package cn.liaocheng.renewal.document;

import cn.liaocheng.renewal.security.MemoryBombs;

/**
 * Runs in a JVM of its own with the production memory flags: what the attachment preview
 * doors ({@code …/attachments/{id}/preview}) do with an uploaded file.
 */
public final class PreviewMemoryProbe {

	private PreviewMemoryProbe() {
	}

	public static void main(String[] args) {
		MemoryBombs.occupyHeap();
		byte[] file;
		String type;
		switch (args[0]) {
			case "png16" -> {
				file = MemoryBombs.png16(6000, 6600);
				type = "image/png";
			}
			case "png" -> {
				file = MemoryBombs.png(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
						Integer.parseInt(args[4]));
				type = "image/png";
			}
			case "jpeg-in-pdf" -> {
				int side = Integer.parseInt(args[1]);
				file = args.length > 2 ? MemoryBombs.pdfWithJpegClaiming(side, Float.parseFloat(args[2]), side)
						: MemoryBombs.pdfWithJpegClaiming(side);
				type = "application/pdf";
			}
			case "operands" -> {
				file = MemoryBombs.pdfWithContent("", "0.5 ", Long.parseLong(args[1]), false);
				type = "application/pdf";
			}
			case "plain-pdf" -> {
				file = PreviewFiles.pdf(2, null);
				type = "application/pdf";
			}
			default -> throw new IllegalArgumentException(args[0]);
		}
		System.out.println("uploaded bytes " + file.length + ", type accepted as "
				+ FileType.of(file).map(FileType::mediaType).orElse("none"));
		try {
			Previews.Page page = new Previews().page(file, type, PreviewFiles.sha256(file), 1);
			System.out.println("preview bytes " + page.jpeg().length);
		}
		catch (Previews.Unavailable refused) {
			System.out.println("refused: " + refused.getMessage());
		}
		System.out.println("survived");
	}

}

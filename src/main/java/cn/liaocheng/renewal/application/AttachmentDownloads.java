package cn.liaocheng.renewal.application;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

import cn.liaocheng.renewal.document.FileType;
import cn.liaocheng.renewal.document.Previews;

/**
 * An attachment or a piece of evidence as a download: its real type, its name for the
 * download dialog with the extension of that type, its SHA-256, never rendered inline;
 * for the enterprise's and the reviewers' doors, which check who may have it.
 */
public final class AttachmentDownloads {

	private AttachmentDownloads() {
	}

	/**
	 * A page of an attachment as its preview picture ({@link Previews}): shown inline, as
	 * it was made by the server, not uploaded; like the download, never kept by the
	 * browser (a business licence or an invoice must not stay in its cache after logout).
	 */
	private static ResponseEntity<byte[]> preview(Previews.Page page) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Page-Count", Integer.toString(page.pages()))
			.body(page.jpeg());
	}

	/**
	 * The preview page of {@code file} (template {@code attachment-view}): its pages, or
	 * why it has none. {@code base} is the attachment's download path; {@code back} and
	 * {@code backLabel} lead back to the case.
	 */
	public static String view(Model model, Previews previews, AttachmentPreview file, String referenceNo, String base,
			String back, String backLabel) {
		model.addAttribute("fileName", file.fileName());
		model.addAttribute("referenceNo", referenceNo);
		model.addAttribute("base", base);
		model.addAttribute("dossier", back);
		model.addAttribute("backLabel", backLabel);
		try {
			model.addAttribute("pages", previews.pages(file.bytes(), file.mediaType(), file.sha256()));
		}
		catch (Previews.Unavailable e) {
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("pages", 0);
		}
		return "attachment-view";
	}

	/** Page {@code page} of {@code file} as its picture, or why not (422). */
	public static ResponseEntity<byte[]> page(Previews previews, AttachmentPreview file, int page) {
		try {
			return preview(previews.page(file.bytes(), file.mediaType(), file.sha256(), page));
		}
		catch (Previews.Unavailable e) {
			return noPreview(e);
		}
	}

	/** Why an attachment cannot be previewed, as plain text (422). */
	private static ResponseEntity<byte[]> noPreview(Previews.Unavailable why) {
		return ResponseEntity.unprocessableEntity()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(why.getMessage().getBytes(StandardCharsets.UTF_8));
	}

	public static ResponseEntity<byte[]> of(AttachmentDownload file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(FileType.ofMediaType(file.mediaType())
							.map(type -> type.nameFor(file.fileName()))
							.orElse(file.fileName()), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", file.sha256())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

}

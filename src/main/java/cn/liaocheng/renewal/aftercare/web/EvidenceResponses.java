package cn.liaocheng.renewal.aftercare.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.liaocheng.renewal.application.AttachmentDownload;

/** A file of evidence as a download, never rendered inline, with its SHA-256. */
final class EvidenceResponses {

	private EvidenceResponses() {
	}

	static ResponseEntity<byte[]> of(AttachmentDownload file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-SHA256", file.sha256())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

}

package cn.liaocheng.renewal.application;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The printable dossier as a download named after its number, for the enterprise's and
 * the reviewers' doors.
 */
public final class DossierDownloads {

	private DossierDownloads() {
	}

	public static ResponseEntity<byte[]> of(ApplicationDetail detail, byte[] pdf) {
		String name = "申报书-" + detail.summary().referenceNo() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(pdf);
	}

}

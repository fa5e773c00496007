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
		return named("申报书-" + detail.summary().referenceNo() + ".pdf", pdf);
	}

	/**
	 * Another print of a case (e.g. its opinions), inline, under {@code name}, not
	 * cached.
	 */
	public static ResponseEntity<byte[]> named(String name, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(pdf);
	}

}

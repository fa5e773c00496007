package cn.liaocheng.renewal.document;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An exported table ({@link Spreadsheets}) as an HTTP download: named in Chinese, which
 * the Content-Disposition header carries as {@code filename*} (RFC 5987, UTF-8), and not
 * kept by the browser's or a proxy's cache, since it holds what one user may see. Callers
 * check who may have it.
 */
public final class SpreadsheetDownloads {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private SpreadsheetDownloads() {
	}

	/** The table as an Excel workbook named {@code fileName} (with its .xlsx). */
	public static ResponseEntity<byte[]> xlsx(String fileName, Spreadsheets.Table table) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(Spreadsheets.xlsx(table));
	}

}

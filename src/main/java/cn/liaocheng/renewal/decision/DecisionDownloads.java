package cn.liaocheng.renewal.decision;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A signed decision as an HTTP download named after its document number; callers check
 * who may have it.
 */
public final class DecisionDownloads {

	private DecisionDownloads() {
	}

	public static ResponseEntity<byte[]> of(IssuedDecision decision, byte[] pdf) {
		String name = decision.number() + decision.type().title() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SHA256", decision.sha256())
			.body(pdf);
	}

	/**
	 * The decision {@code decisionId} as a download if it is one of the application's;
	 * empty otherwise, which the caller answers as it answers an application it may not
	 * see.
	 */
	public static Optional<ResponseEntity<byte[]>> ofApplication(Decisions decisions, long applicationId,
			long decisionId) {
		return decisions.allForApplication(applicationId)
			.stream()
			.filter(d -> d.id() == decisionId)
			.findFirst()
			.map(decision -> of(decision, decisions.pdf(decisionId)));
	}

}

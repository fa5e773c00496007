package cn.liaocheng.renewal.admin.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads a file exactly as a past deployment brought it, also after the engine deleted
 * that deployment. Only administrators reach /admin/** (see the security configuration).
 */
@Controller
class DeployedFilesController {

	private final DeployedFiles files;

	DeployedFilesController(DeployedFiles files) {
		this.files = files;
	}

	@GetMapping("/admin/models/deployments/{deploymentId}/files/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable String deploymentId, @PathVariable long fileId) {
		return files.file(deploymentId, fileId)
			.map(f -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(f.name().substring(f.name().lastIndexOf('/') + 1), StandardCharsets.UTF_8)
							.build()
							.toString())
				.header("X-Content-SHA256", f.sha256())
				.body(f.bytes()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body("没有这个部署文件".getBytes(StandardCharsets.UTF_8)));
	}

}

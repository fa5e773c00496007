package cn.liaocheng.renewal.decision.internal;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.liaocheng.renewal.decision.Decisions;

/**
 * The public check, open without login: anyone holding a decision uploads the PDF or
 * types (or scans) its code and learns whether it is genuine, altered or unknown. It
 * reveals only what the decision itself states.
 */
@Controller
@RequestMapping("/verify")
class VerificationController {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final Decisions decisions;

	VerificationController(Decisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping
	String form(@RequestParam(name = "code", required = false) String code, Model model) {
		if (code != null && !code.isBlank()) {
			model.addAttribute("code", code.strip());
			model.addAttribute("page", VerificationPage.forCode(decisions.verify(code)));
		}
		return "decision/verify";
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problem", "请选择要核验的决定书 PDF 文件。");
		}
		else if (file.getSize() > MAX_BYTES) {
			model.addAttribute("problem", "文件超过 10 MB，不是本系统签发的决定书。");
		}
		else {
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("page", VerificationPage.forFile(decisions.verify(file.getBytes())));
		}
		return "decision/verify";
	}

}

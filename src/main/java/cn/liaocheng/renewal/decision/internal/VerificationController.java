package cn.liaocheng.renewal.decision.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.security.DailyQuota;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public check, open without login: anyone holding a decision uploads the PDF or
 * types (or scans) its code and learns whether it is genuine, altered or unknown. It
 * reveals only what the decision itself states. A file is read within bounds
 * ({@link SignatureCheck}), {@value #AT_ONCE} at a time per node, and each client network
 * may have {@link VerificationLimits#uploadsPerAddress} files checked a day; codes are
 * looked up without limit.
 */
@Controller
@RequestMapping("/verify")
class VerificationController {

	private static final Logger LOG = LoggerFactory.getLogger(VerificationController.class);

	static final long MAX_BYTES = 10L * 1024 * 1024;

	/** Files read at once on a node: each holds the upload and what its check decodes. */
	static final int AT_ONCE = 2;

	private final Decisions decisions;

	private final DailyQuota quota;

	private final VerificationLimits limits;

	private final Semaphore checking = new Semaphore(AT_ONCE, true);

	VerificationController(Decisions decisions, DailyQuota quota, VerificationLimits limits) {
		this.decisions = decisions;
		this.quota = quota;
		this.limits = limits;
	}

	@GetMapping
	String form(@RequestParam(name = "code", required = false) String code, Model model) {
		if (code != null && !code.isBlank()) {
			model.addAttribute("code", code.strip());
			model.addAttribute("page", VerificationPage.forCode(decisions.verify(code)));
		}
		return "decision/verify";
	}

	/**
	 * Checks an uploaded file. Over the client network's daily limit the page says so
	 * with status 429, and nothing is read; while the node is checking as many files as
	 * it may, with 503.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problem", "请选择要核验的决定书 PDF 文件。");
			return "decision/verify";
		}
		if (file.getSize() > MAX_BYTES) {
			model.addAttribute("problem", "文件超过 10 MB，不是本系统签发的决定书。");
			return "decision/verify";
		}
		String network = DailyQuota.network(request.getRemoteAddr());
		if (!quota.take("verification:" + network, LocalDate.now(ChinaTime.ZONE), limits.uploadsPerAddress())) {
			LOG.warn("Decision check from {} refused: the network reached {} files today", network,
					limits.uploadsPerAddress());
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("problem",
					"今天从您所在网络上传核验的文件已达 " + limits.uploadsPerAddress() + " 份，达到每日上限，请明天再试。输入决定书末页的 10 位验证码查询不受此限制。");
			return "decision/verify";
		}
		boolean permitted = false;
		try {
			permitted = checking.tryAcquire(20, TimeUnit.SECONDS);
			if (!permitted) {
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				model.addAttribute("problem", "正在核验的文件较多，请稍后再试，或输入决定书末页的验证码查询。");
				return "decision/verify";
			}
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("page", VerificationPage.forFile(decisions.verify(file.getBytes())));
			return "decision/verify";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			model.addAttribute("problem", "核验已中断，请重试。");
			return "decision/verify";
		}
		finally {
			if (permitted) {
				checking.release();
			}
		}
	}

}

package cn.liaocheng.renewal.admin.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Moving running cases of a process from one version to another: choose, dry run, then
 * migrate.
 */
@Controller
@RequestMapping("/admin/models/{key}/migration")
class MigrationController {

	private final ModelCatalog catalog;

	private final CaseMigrations migrations;

	MigrationController(ModelCatalog catalog, CaseMigrations migrations) {
		this.catalog = catalog;
		this.migrations = migrations;
	}

	@GetMapping
	String choose(@PathVariable String key, @RequestParam(required = false) String source,
			@RequestParam(required = false) String target, Model model) {
		ModelCatalog.Model process = catalog.process(key);
		model.addAttribute("process", process);
		model.addAttribute("source", source != null ? source : defaultSource(process));
		model.addAttribute("target", target != null ? target : process.latest().id());
		return "admin/migration";
	}

	@PostMapping("/dry-run")
	String dryRun(@PathVariable String key, @RequestParam String source, @RequestParam String target, Model model) {
		ModelCatalog.Model process = catalog.process(key);
		requireVersionsOf(process, source, target);
		model.addAttribute("dryRun", migrations.dryRun(source, target));
		return choose(key, source, target, model);
	}

	@PostMapping
	String migrate(@PathVariable String key, @RequestParam String source, @RequestParam String target,
			@RequestParam(name = "instance", required = false) List<String> instances, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ModelCatalog.Model process = catalog.process(key);
		requireVersionsOf(process, source, target);
		List<String> ids = instances == null ? List.of() : instances;
		if (ids.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("error", "没有选择要迁移的案件：请先试运行，再勾选可以迁移的案件");
			return choose(key, source, target, model);
		}
		try {
			int moved = migrations.migrate(user.getName(), source, target, ids);
			redirect.addFlashAttribute("message", "已将 " + moved + " 个案件从版本 " + process.byId().get(source).version()
					+ " 迁移到版本 " + process.byId().get(target).version() + "。");
			return "redirect:/admin/models/" + key + "/migration?source=" + source + "&target=" + target;
		}
		catch (ProcessEngineException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("error", "迁移未执行，没有任何案件被改动：" + e.getMessage() + "。请重新试运行后再迁移。");
			return choose(key, source, target, model);
		}
	}

	@ExceptionHandler(ModelCatalog.UnknownModelException.class)
	ResponseEntity<String> notFound(ModelCatalog.UnknownModelException e) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(e.getMessage());
	}

	private static void requireVersionsOf(ModelCatalog.Model process, String source, String target) {
		if (!process.byId().containsKey(source) || !process.byId().containsKey(target)) {
			throw new ModelCatalog.UnknownModelException(process.key());
		}
	}

	/**
	 * The newest older version that still has running cases, else the one before the
	 * latest.
	 */
	private static String defaultSource(ModelCatalog.Model process) {
		return process.versions()
			.stream()
			.skip(1)
			.filter(v -> v.runningCases() > 0)
			.findFirst()
			.orElse(process.versions().get(Math.min(1, process.versions().size() - 1)))
			.id();
	}

}

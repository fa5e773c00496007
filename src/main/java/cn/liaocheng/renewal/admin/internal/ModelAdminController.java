package cn.liaocheng.renewal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The administration page for models: versions with their running cases, upload, and a
 * BPMN editor in the browser. Only administrators reach /admin/** (see the security
 * configuration).
 */
@Controller
@RequestMapping("/admin/models")
class ModelAdminController {

	private static final List<String> ALLOWED = List.of(".bpmn", ".dmn", ".form");

	private static final int RECENT_DEPLOYMENTS = 20;

	private final ModelCatalog catalog;

	private final ModelDeployments deployments;

	private final RepositoryService repository;

	private final DeployedFiles files;

	private final ProcessEdits edits;

	/**
	 * Where Camunda Modeler deploys to: the configured public address, never the Host
	 * header of this request.
	 */
	private final String restEndpoint;

	ModelAdminController(ModelCatalog catalog, ModelDeployments deployments, RepositoryService repository,
			DeployedFiles files, ProcessEdits edits, @Value("${renewal.public-base-url}") String publicBaseUrl) {
		this.catalog = catalog;
		this.deployments = deployments;
		this.repository = repository;
		this.files = files;
		this.edits = edits;
		this.restEndpoint = publicBaseUrl.replaceAll("/+$", "") + "/engine-rest";
	}

	@GetMapping
	String models(Model model) {
		model.addAttribute("processes", catalog.processes());
		model.addAttribute("decisions", catalog.decisions());
		model.addAttribute("restEndpoint", restEndpoint);
		model.addAttribute("pastDeployments", files.recent(RECENT_DEPLOYMENTS));
		model.addAttribute("liveDeployments",
				repository.createDeploymentQuery().list().stream().map(Deployment::getId).collect(Collectors.toSet()));
		return "admin/models";
	}

	@PostMapping("/upload")
	String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Authentication user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		Map<String, byte[]> resources = new LinkedHashMap<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			String name = ModelDeployments.fileName(file.getOriginalFilename());
			if (name.isEmpty()) {
				continue;
			}
			if (ALLOWED.stream().noneMatch(name::endsWith)) {
				return refused(model, response, List.of(new ModelProblem(name, null, "只能上传 .bpmn、.dmn 和 .form 文件")));
			}
			try (InputStream in = file.getInputStream()) {
				resources.put(name, in.readAllBytes());
			}
		}
		ModelDeployments.DeployOutcome outcome = deployments.deploy(user.getName(), resources);
		if (!outcome.deployed()) {
			return refused(model, response, outcome.problems());
		}
		redirect.addFlashAttribute("message", outcome.message());
		return "redirect:/admin/models";
	}

	@GetMapping("/processes/{id}")
	String editor(@PathVariable String id, Model model) {
		ProcessDefinition definition = repository.getProcessDefinition(id);
		model.addAttribute("definition", definition);
		model.addAttribute("model", catalog.process(definition.getKey()));
		return "admin/editor";
	}

	@GetMapping(value = "/processes/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
	@ResponseBody
	String xml(@PathVariable String id) throws IOException {
		try (InputStream in = repository.getProcessModel(id)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Deploys the XML edited in the browser as the next version of the same resource;
	 * edited from a version that is no longer the latest, only when the administrator has
	 * confirmed that it replaces the latest ({@code X-Replace-Newer} naming it, as the
	 * refusal's {@code base} did), see {@link ProcessEdits}.
	 */
	@PostMapping(value = "/processes/{id}/xml",
			consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<DeployResponse> deployXml(@PathVariable String id, @RequestBody String xml, Authentication user,
			@RequestHeader(name = "X-Replace-Newer", required = false) String replaceNewer) {
		ProcessEdits.Edit edit = edits.deploy(user.getName(), id, xml, replaceNewer);
		ModelDeployments.DeployOutcome outcome = edit.outcome();
		HttpStatus status = edit.newerExists() ? HttpStatus.CONFLICT
				: outcome.deployed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
		return ResponseEntity.status(status)
			.body(new DeployResponse(outcome.deployed(), outcome.unchanged(), edit.message(), outcome.versions(),
					outcome.problems(), edit.base()));
	}

	@ExceptionHandler({ ModelCatalog.UnknownModelException.class, NullValueException.class, NotFoundException.class })
	ResponseEntity<String> notFound(RuntimeException e) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body("没有这个流程版本");
	}

	private String refused(Model model, HttpServletResponse response, List<ModelProblem> problems) {
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		model.addAttribute("problems", problems);
		model.addAttribute("refusal", ModelValidationException.summary(problems).lines().findFirst().orElse(""));
		return models(model);
	}

	/**
	 * {@code base}: the version the editor's next deployment builds on (the one just
	 * deployed, or the newer one a refusal names).
	 */
	record DeployResponse(boolean deployed, boolean unchanged, String message, List<String> versions,
			List<ModelProblem> problems, String base) {
	}

}

package cn.liaocheng.renewal.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document: what the API is, how a client authenticates, worked examples of
 * the enterprise's main calls. It names the configured public address as its server;
 * without it springdoc writes the address of each request, taken from its {@code Host}
 * header, into the document every API client then calls. Staff endpoints (county and
 * review) are not advertised (springdoc.paths-to-exclude); they stay behind their roles
 * either way.
 */
@Configuration
class OpenApiDocument {

	static final String BASIC = "basic";

	static final String BEARER = "bearer";

	static final String SESSION = "session";

	static final String CSRF = "csrf";

	private static final String DESCRIPTION = """
			聊城市推动工业领域设备更新（项目入库、奖补资金、技术改造贷款）的企业申报接口。

			**身份验证**（任选其一）：
			- **API 令牌**（推荐给财务、ERP 等系统）：企业登录门户，在“API 令牌”页面新建令牌，请求时加请求头
			  `Authorization: Bearer lcr_…`。令牌只能调用本企业的申报接口（`/api/applications`）和 `/api/me`，
			  不建立会话，不需要 CSRF 令牌；撤销或过期后立即失效（401）。
			- **HTTP Basic**：用户名和密码，适合偶尔手工调用；每次请求都要发送密码，脚本请改用 API 令牌。
			- **浏览器会话**：已登录门户的浏览器（包括本页 Swagger UI 的“Try it out”）带会话 Cookie，
			  修改类请求（POST、PUT、DELETE）还须带 `X-CSRF-TOKEN` 请求头，本页自动带上。

			**防重复**：新建草稿必须、上传附件建议带 `Idempotency-Key`（8–64 位字母数字或连字符），网络不确定时用同一标识重发，
			不会重复创建。

			**错误**：统一为 RFC 9457 problem details（`application/problem+json`），`title`、`detail` 为中文，
			字段错误在 `errors` 中逐项列出；服务器错误带 `requestId`，联系运维时请提供。
			""";

	private static final Map<String, Object> ISSUED_TOKEN = Map.of("token",
			"lcr_mV3q9yqH0Zl2p1Xc8uS5o4KfTg7wBn6eRd0aJ2iLhPc", "details", Map.of("id", 3, "name", "财务系统对接", "hint",
					"lcr_mV3q9y", "createdAt", "2026-12-01T03:30:36Z", "expired", false));

	@Bean
	OpenAPI openApi(@Value("${renewal.public-base-url}") String publicBaseUrl) {
		return new OpenAPI()
			.info(new Info().title("聊城市工业领域设备更新审批系统 API")
				.version("v1")
				.description(DESCRIPTION)
				.contact(new Contact().name("聊城市工业和信息化局")))
			// The relative one serves Swagger UI opened at another address (a test port,
			// a node behind the proxy).
			.servers(List.of(new Server().url(publicBaseUrl.replaceAll("/+$", "")).description("本系统"),
					new Server().url("/").description("打开本文档的地址")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("lcr_ 开头的个人 API 令牌")
							.description("企业在门户“API 令牌”页面新建的令牌；只能调用本企业的申报接口"))
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("用户名和密码（与门户登录相同）"))
				.addSecuritySchemes(SESSION,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("RENEWAL_SESSION")
							.description("登录门户后浏览器持有的会话 Cookie"))
				.addSecuritySchemes(CSRF,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-CSRF-TOKEN")
							.description("会话方式下修改类请求必须带的 CSRF 令牌（门户页面 meta 标签 _csrf 中的值；Swagger UI 自动带上）")))
			.security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC),
					new SecurityRequirement().addList(SESSION).addList(CSRF)));
	}

	/** Who may call what, as the security chains decide it, and the worked examples. */
	@Bean
	OpenApiCustomizer doorsAndExamples() {
		Map<String, Object> examples = examples();
		return openApi -> openApi.getPaths().forEach((path, item) -> {
			if (path.startsWith("/api/tokens")) {
				item.readOperations()
					.forEach(op -> op.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
							new SecurityRequirement().addList(SESSION).addList(CSRF))));
			}
			else if (path.equals("/api/enterprises/registrations")) {
				item.readOperations().forEach(op -> op.setSecurity(List.of()));
			}
			else if (!path.startsWith("/api/applications") && !path.equals("/api/me")) {
				item.readOperations()
					.forEach(op -> op.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
							new SecurityRequirement().addList(SESSION).addList(CSRF))));
			}
			addExamples(path, item, examples);
		});
	}

	private static void addExamples(String path, PathItem item, Map<String, Object> examples) {
		switch (path) {
			case "/api/applications" -> {
				response(item.getGet(), "200", examples.get("list"), "本企业的申报");
				Operation create = item.getPost();
				if (create != null && create.getRequestBody() != null) {
					create.getRequestBody()
						.getContent()
						.forEach((type, media) -> media.addExamples("project",
								new Example().summary("项目入库申报草稿").value(examples.get("create-draft"))));
					header(create, "Idempotency-Key", "draft-2026-0001");
					response(create, "201", examples.get("draft"), "新建的草稿");
				}
			}
			case "/api/applications/{id}" -> response(item.getGet(), "200", examples.get("detail"), "申报详情");
			case "/api/applications/{id}/submit" -> response(item.getPost(), "200", examples.get("submitted"), "已提交");
			case "/api/applications/{id}/attachments" -> {
				header(item.getPost(), "Idempotency-Key", "licence-2026-0001");
				response(item.getPost(), "201", examples.get("attachment"), "保存的附件");
			}
			case "/api/tokens" -> response(item.getPost(), "201", ISSUED_TOKEN, "新建的令牌（token 只返回这一次）");
			default -> {
			}
		}
	}

	private static void header(Operation operation, String name, String example) {
		if (operation == null || operation.getParameters() == null) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			if ("header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName())) {
				parameter.setExample(example);
			}
		}
	}

	/**
	 * Puts the example on the response with {@code status}. A created resource answers
	 * 201, which springdoc cannot see behind a {@code ResponseEntity}: its generated 200
	 * becomes the 201.
	 */
	private static void response(Operation operation, String status, Object value, String summary) {
		if (operation == null || operation.getResponses() == null) {
			return;
		}
		ApiResponse response = operation.getResponses().get(status);
		ApiResponse generated = operation.getResponses().get("200");
		if (response == null && generated != null) {
			operation.getResponses().remove("200");
			response = generated;
			operation.getResponses().addApiResponse(status, response);
		}
		if (response == null) {
			response = new ApiResponse();
			operation.getResponses().addApiResponse(status, response);
		}
		response.setDescription(summary);
		if (response.getContent() == null) {
			response.setContent(new Content().addMediaType("application/json", new MediaType()));
		}
		response.getContent()
			.forEach((type, media) -> media.addExamples("example", new Example().summary(summary).value(value)));
	}

	/**
	 * The worked examples, real answers of the demo system saved under openapi/examples.
	 */
	private static Map<String, Object> examples() {
		ObjectMapper json = new ObjectMapper();
		LinkedHashMap<String, Object> all = new LinkedHashMap<>();
		for (String name : List.of("create-draft", "draft", "detail", "list", "submitted", "attachment")) {
			try (var in = new ClassPathResource("openapi/examples/" + name + ".json").getInputStream()) {
				all.put(name, json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			catch (IOException e) {
				throw new UncheckedIOException("OpenAPI example " + name + " is missing", e);
			}
		}
		return all;
	}

}

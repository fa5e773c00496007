package cn.liaocheng.renewal.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The guides in the portal: the enterprise guide, open to everyone, and the reviewers'
 * guide, for staff (under {@code /review/}, which only staff reach). Rendered from
 * {@code docs/enterprise-guide.md} and {@code docs/reviewer-guide.md}, which the build
 * copies into the jar, so the pages and the repository never tell two stories. Raw HTML
 * in the files is shown as text, not passed through.
 */
@Controller
class GuideController {

	/** Rendered at the first request for it, once (not during the start). */
	private final Supplier<String> enterpriseGuide = SingletonSupplier.of(() -> render("guide/enterprise-guide.md"));

	private final Supplier<String> reviewerGuide = SingletonSupplier.of(() -> render("guide/reviewer-guide.md"));

	@GetMapping("/guide")
	String guide(Model model) {
		model.addAttribute("guideTitle", "企业申报指南");
		model.addAttribute("guideHtml", enterpriseGuide.get());
		return "guide";
	}

	@GetMapping("/review/guide")
	String reviewerGuide(Model model) {
		model.addAttribute("guideTitle", "审核人员指南");
		model.addAttribute("guideHtml", reviewerGuide.get());
		return "guide";
	}

	private static String render(String path) {
		List<Extension> extensions = List.of(TablesExtension.create());
		String markdown = read(new ClassPathResource(path));
		return HtmlRenderer.builder()
			.extensions(extensions)
			.escapeHtml(true)
			.sanitizeUrls(true)
			.build()
			.render(Parser.builder().extensions(extensions).build().parse(markdown));
	}

	private static String read(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(resource.getPath() + " is missing from the build", e);
		}
	}

}

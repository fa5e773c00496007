package cn.liaocheng.renewal.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The enterprise guide in the portal, open to everyone: rendered from
 * {@code docs/enterprise-guide.md}, which the build copies into the jar, so the page and
 * the repository never tell two stories. Raw HTML in the file is shown as text, not
 * passed through.
 */
@Controller
class GuideController {

	private final String html;

	GuideController() {
		List<Extension> extensions = List.of(TablesExtension.create());
		String markdown = read(new ClassPathResource("guide/enterprise-guide.md"));
		this.html = HtmlRenderer.builder()
			.extensions(extensions)
			.escapeHtml(true)
			.sanitizeUrls(true)
			.build()
			.render(Parser.builder().extensions(extensions).build().parse(markdown));
	}

	@GetMapping("/guide")
	String guide(Model model) {
		model.addAttribute("guideHtml", html);
		return "guide";
	}

	private static String read(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the enterprise guide is missing from the build", e);
		}
	}

}

package cn.liaocheng.renewal.operations;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A line break typed in a textarea travels in a form post as CR LF (HTML's form
 * encoding), though the browser counted it as one character against the field's
 * {@code maxlength}. Every text a page's form binds to a controller (fields and request
 * parameters) has its CR LF and lone CR made LF here, in one place, so the server counts
 * what the browser counted (a statement the textarea took at 2,000 characters is not
 * refused as longer) and stores one kind of line break. JSON bodies are not forms: the
 * rules of the texts an API takes with line breaks (a dossier's, a statement) apply
 * {@link #lf} themselves.
 */
@ControllerAdvice
public class TypedLineBreaks {

	@InitBinder
	void lineBreaks(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(lf(text));
			}

		});
	}

	/** {@code text} with every CR LF and lone CR made LF; null stays null. */
	public static String lf(String text) {
		return text == null || text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
	}

}

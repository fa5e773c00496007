package cn.liaocheng.renewal.aftercare.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.liaocheng.renewal.aftercare.internal.EvidenceCategory;
import cn.liaocheng.renewal.aftercare.internal.Upload;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.enterprise.FieldProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the files of a submission from a multipart request: one part name per evidence
 * category, each possibly repeated. A request carrying fields or parts the form does not
 * have is refused whole, naming them, as a task completion with variables its form lacks
 * is.
 */
final class Uploads {

	static final Map<String, EvidenceCategory> PARTS = Map.of("commissioning", EvidenceCategory.COMMISSIONING, "photos",
			EvidenceCategory.PHOTO, "finalAccounts", EvidenceCategory.FINAL_ACCOUNTS, "rectification",
			EvidenceCategory.RECTIFICATION, "other", EvidenceCategory.OTHER);

	private Uploads() {
	}

	static List<Upload> of(HttpServletRequest request, Set<String> fields, Set<String> parts) {
		Set<String> unknown = new TreeSet<>();
		for (String name : request.getParameterMap().keySet()) {
			if (!fields.contains(name) && !"_csrf".equals(name)) {
				unknown.add(name);
			}
		}
		List<Upload> uploads = new ArrayList<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, List<MultipartFile>> entry : multipart.getMultiFileMap().entrySet()) {
				if (!parts.contains(entry.getKey())) {
					unknown.add(entry.getKey());
					continue;
				}
				for (MultipartFile file : entry.getValue()) {
					// A file input left empty sends a part without a name or content.
					if (file.isEmpty()
							&& (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
						continue;
					}
					uploads.add(new Upload(PARTS.get(entry.getKey()), file.getOriginalFilename(), bytes(file)));
				}
			}
		}
		if (!unknown.isEmpty()) {
			throw new DossierInvalidException(
					List.of(new FieldProblem(String.join(",", unknown), "请求含有本表单没有的字段：" + String.join("、", unknown))));
		}
		return uploads;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}

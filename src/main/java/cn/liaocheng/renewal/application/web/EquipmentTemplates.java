package cn.liaocheng.renewal.application.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.Applications;

/** 设备清单模板.xlsx as a download, the same from the portal and the API. */
final class EquipmentTemplates {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private EquipmentTemplates() {
	}

	static ResponseEntity<byte[]> download(ApplicationKind kind) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(Applications.EQUIPMENT_TEMPLATE_NAME, StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(Applications.equipmentTemplate(kind));
	}

}

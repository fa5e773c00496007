package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The expired form's page names fields as their forms do, and leaves out the machinery.
 */
class KeptFieldLabelsTest {

	@Test
	void fieldsAreNamedAsTheFormNamesThemAndTheFormsMachineryIsNotListed() {
		assertThat(KeptFieldLabels.label("projectName")).isEqualTo("项目名称");
		assertThat(KeptFieldLabels.label("equipment[12].unitPrice")).isEqualTo("设备明细第13行 单价（元）");
		assertThat(KeptFieldLabels.label("equipment[0].origin")).isEqualTo("设备明细第1行 产地");
		assertThat(KeptFieldLabels.label("somethingNew")).isEqualTo("其他填写项");
		assertThat(KeptFieldLabels.label("_needsNewLand")).isNull();
		assertThat(KeptFieldLabels.label("creationKey")).isNull();
		assertThat(KeptFieldLabels.label("version")).isNull();
		assertThat(KeptFieldLabels.shown("DOMESTIC")).isEqualTo("国产");
		assertThat(KeptFieldLabels.shown("on")).isEqualTo("是");
		assertThat(KeptFieldLabels.shown("冠县")).isEqualTo("冠县");
	}

}

package cn.liaocheng.renewal.admin.internal;

/**
 * One reason a deployment is refused: the resource, the element (null for the whole file)
 * and what is wrong, in Chinese.
 */
record ModelProblem(String resource, String elementId, String message) {

	String describe() {
		return "[" + resource + "] " + (elementId == null ? "" : elementId + "：") + message;
	}

}

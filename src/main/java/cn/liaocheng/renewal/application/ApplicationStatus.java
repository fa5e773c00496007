package cn.liaocheng.renewal.application;

/** Where an application stands, in the words the enterprise sees. */
public enum ApplicationStatus {

	DRAFT("草稿", true), COUNTY_REVIEW("县级初审中", false), CITY_REVIEW("市级审核中", false), EXPERT_REVIEW("专家评审中", false),
	PUBLIC_NOTICE("公示中", false), BANK_REVIEW("银行审贷中", false), INTEREST_REVIEW("贴息核定中", false), CORRECTION("待补正", true),
	APPROVED("已批准", false), REFUSED("未获支持", false), WITHDRAWN("已撤回", false), LAPSED("已失效", false);

	private final String label;

	private final boolean editable;

	ApplicationStatus(String label, boolean editable) {
		this.label = label;
		this.editable = editable;
	}

	public String label() {
		return label;
	}

	/**
	 * Whether the application ended without an award (refused, withdrawn or lapsed), so
	 * an amount proposed on the way was never granted.
	 */
	public boolean endedWithoutAward() {
		return this == REFUSED || this == WITHDRAWN || this == LAPSED;
	}

	/**
	 * The CSS class of this status's badge, by what it means to the enterprise:
	 * {@code badge-progress} while a body handles it, {@code badge-action} when it waits
	 * for the enterprise, {@code badge-approved}, {@code badge-refused},
	 * {@code badge-ended} (withdrawn or lapsed) and {@code badge-draft}.
	 */
	public String badge() {
		return "badge-" + switch (this) {
			case DRAFT -> "draft";
			case CORRECTION -> "action";
			case APPROVED -> "approved";
			case REFUSED -> "refused";
			case WITHDRAWN, LAPSED -> "ended";
			case COUNTY_REVIEW, CITY_REVIEW, EXPERT_REVIEW, PUBLIC_NOTICE, BANK_REVIEW, INTEREST_REVIEW -> "progress";
		};
	}

	/**
	 * Whether the enterprise may change the dossier (a draft, or one returned for
	 * correction).
	 */
	public boolean editable() {
		return editable;
	}

}

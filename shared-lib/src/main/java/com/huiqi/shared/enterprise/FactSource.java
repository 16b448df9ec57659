package com.huiqi.shared.enterprise;

/**
 * Where a figure in an enterprise file came from (数据来源). When several sources give the same
 * figure, the one with the highest {@link #precedence()} is the file's value; the others stay
 * visible beside it, so an enterprise sees both what it declared and what a department reported.
 */
public enum FactSource {
    /** 企业自主申报: entered by the enterprise's own user. */
    SELF_DECLARED("企业自主申报", 1),
    /** 中心工作人员录入: entered or corrected by the center's staff. */
    STAFF("中心工作人员录入", 2),
    /** 业务授权部门导入: a department's own records (tax, market regulation, science bureau). */
    DEPARTMENT_IMPORT("业务部门导入", 3);

    private final String labelZh;
    private final int precedence;

    FactSource(String labelZh, int precedence) {
        this.labelZh = labelZh;
        this.precedence = precedence;
    }

    public String labelZh() {
        return labelZh;
    }

    /**
     * Department records are the authority for what they cover (the tax bureau's revenue beats a
     * declaration), and staff check what enterprises declare; so department over staff over self.
     */
    public int precedence() {
        return precedence;
    }
}

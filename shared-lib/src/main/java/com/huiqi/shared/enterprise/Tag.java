package com.huiqi.shared.enterprise;

import java.util.List;

/**
 * One tag of the enterprise profile (企业画像标签, 000 §5.2.2.2), with why it is there.
 *
 * @param name   what rules and searches see, such as 高新技术企业 or 小型企业
 * @param reason the plain-language reason, such as "依据2024年度：从业人员45人，营业收入1,200万元"
 * @param basis  the file fields the tag rests on; a change to any of them recomputes it
 */
public record Tag(Category category, String name, String reason, List<String> basis) {

    public Tag {
        basis = List.copyOf(basis);
    }

    /** 属性、业务、行为、兴趣标签. */
    public enum Category {
        ATTRIBUTE("属性标签"),
        BUSINESS("业务标签"),
        BEHAVIOUR("行为标签"),
        INTEREST("兴趣标签");

        private final String labelZh;

        Category(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }
    }
}

package com.huiqi.publish.model;

import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.validation.Fields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 申报通知 (000 §7.4.1.1): the call for applications to one business item, with its window,
 * method, required materials and contacts. Its window drives 今日申报 and the policy calendar.
 *
 * @param opensAt       the first instant applications are accepted
 * @param closesAt      the last instant (exclusive) applications are accepted
 * @param expertReview  whether applications go through expert review (专家评审)
 * @param publicityDays 公示 days after the decision (0 = none)
 */
public record ApplicationNotice(
        String itemCode,
        String title,
        String conditionsSummary,
        Instant opensAt,
        Instant closesAt,
        String method,
        List<Material> materials,
        List<Contact> contacts,
        Boolean expertReview,
        Integer publicityDays) implements CatalogueContent {

    /**
     * A required material.
     *
     * @param format    e.g. PDF, JPG, XLSX
     * @param mandatory true for 必要材料; false for 次要材料 that 容缺受理 may accept later
     * @param templateKey object key of a template file to download, if any
     */
    public record Material(String name, String format, Boolean mandatory, String templateKey) {
    }

    public record Contact(String name, String phone, String department) {
    }

    @Override
    public ApplicationNotice normalized() {
        Instant open = Fields.required("opensAt", opensAt);
        Instant close = Fields.required("closesAt", closesAt);
        if (!close.isAfter(open)) {
            throw ApiException.validation("closesAt", "截止时间须晚于开始时间", "closesAt must be after opensAt");
        }
        List<Material> checkedMaterials = new ArrayList<>();
        List<Material> givenMaterials = materials == null ? List.of() : materials;
        for (int i = 0; i < givenMaterials.size(); i++) {
            Material m = Fields.required("materials[" + i + "]", givenMaterials.get(i));
            String f = "materials[" + i + "]";
            checkedMaterials.add(new Material(Fields.text(f + ".name", m.name(), 2, 100),
                    Fields.text(f + ".format", m.format(), 2, 16), m.mandatory() == null || m.mandatory(),
                    Fields.optionalText(f + ".templateKey", m.templateKey(), 256)));
        }
        List<Contact> checkedContacts = new ArrayList<>();
        List<Contact> givenContacts = contacts == null ? List.of() : contacts;
        for (int i = 0; i < givenContacts.size(); i++) {
            Contact c = Fields.required("contacts[" + i + "]", givenContacts.get(i));
            String f = "contacts[" + i + "]";
            checkedContacts.add(new Contact(Fields.text(f + ".name", c.name(), 1, 32),
                    Fields.optionalContactPhone(f + ".phone", Fields.text(f + ".phone", c.phone(), 7, 20)),
                    Fields.optionalText(f + ".department", c.department(), 64)));
        }
        int publicity = publicityDays == null ? 0 : publicityDays;
        if (publicity < 0 || publicity > 30) {
            throw ApiException.validation("publicityDays", "公示期须为0至30天", "publicityDays must be 0 to 30");
        }
        return new ApplicationNotice(
                Codes.check("itemCode", itemCode),
                Fields.text("title", title, 2, 200),
                Fields.optionalText("conditionsSummary", conditionsSummary, 5000),
                open, close,
                Fields.text("method", method, 2, 500),
                PolicyDocument.nonEmpty("materials", List.copyOf(checkedMaterials)),
                PolicyDocument.nonEmpty("contacts", List.copyOf(checkedContacts)),
                expertReview != null && expertReview,
                publicity);
    }

    @Override
    public String displayName() {
        return title;
    }
}

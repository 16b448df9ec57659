package com.huiqi.publish.model;

import com.huiqi.shared.validation.Fields;
import java.util.List;

/**
 * 政策产品 (table A.4): what a center offers enterprises, gathering the items of one benefit
 * across levels (e.g. 高新技术企业 with the national recognition and the district's reward).
 *
 * @param domain    所属政策领域, e.g. 企业资质认定
 * @param theme     所属政策主题, e.g. 科技创新
 * @param region    发布地区 (GB/T 2260 code)
 * @param automatic 免申即享: granted to every qualifying enterprise without an application
 */
public record PolicyProduct(
        String name,
        String description,
        String domain,
        String theme,
        String region,
        String department,
        List<String> itemCodes,
        List<String> documentCodes,
        Boolean automatic) implements CatalogueContent {

    @Override
    public PolicyProduct normalized() {
        return new PolicyProduct(
                Fields.text("name", name, 2, 100),
                Fields.text("description", description, 2, 2000),
                Fields.text("domain", domain, 2, 32),
                Fields.text("theme", theme, 2, 32),
                Fields.regionCode("region", region),
                Fields.text("department", department, 2, 64),
                PolicyDocument.nonEmpty("itemCodes", Codes.list("itemCodes", itemCodes)),
                Codes.list("documentCodes", documentCodes),
                automatic != null && automatic);
    }

    @Override
    public String displayName() {
        return name;
    }
}

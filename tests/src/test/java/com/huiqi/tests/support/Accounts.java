package com.huiqi.tests.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** One demo account per role in each demo tenant (see DemoData), for role and isolation tests. */
public final class Accounts {

    public static final String OPERATOR = "operator";

    private Accounts() {
    }

    /** Cognito group → a Suzhou Industrial Park account holding only that role (the operator has no tenant). */
    public static Map<String, String> sipByRole() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("platform-operator", OPERATOR);
        m.put("center-admin", "sip-admin");
        m.put("staff", "sip-staff");
        m.put("department", "sip-kjj");
        m.put("expert", "sip-expert");
        m.put("enterprise", "sip-ent");
        m.put("auditor", "sip-auditor");
        return m;
    }
}

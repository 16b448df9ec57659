package com.huiqi.local;

/**
 * The platform operator (平台运营方) every local stack starts with: the one user who can onboard
 * the first tenant. Its password is printed in the banner; this is a local demo account only.
 */
public record OperatorAccount(String username, String password, String email) {

    public static final OperatorAccount LOCAL = new OperatorAccount("operator", "Huiqi-Local-2024!", "operator@huiqi.local");
}

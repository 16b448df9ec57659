package com.huiqi.shared.rules;

/**
 * The verdict and match degree without reasons, for scanning many enterprises (政策找企业); equal to
 * what {@link RuleOutcome} says for the same input, as the tests check.
 */
public record Decision(Verdict verdict, int matchDegree, int matchDegreeUpperBound) {
}

package com.huiqi.shared.rules;

/** One reason in plain words, Chinese and English: "研发费用占比 4.2%，要求不低于 5%". */
public record Explanation(String zh, String en) {
}

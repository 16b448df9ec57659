package com.huiqi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.shared.rules.FactSheet;
import com.huiqi.shared.rules.PolicyRule;
import com.huiqi.shared.rules.RuleEvaluator;
import com.huiqi.shared.rules.RuleOutcome;
import com.huiqi.shared.rules.RuleParser;
import com.huiqi.shared.rules.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark measures something realistic: the population gives every verdict, and the fast path agrees with the full one on it. */
class EnterprisePopulationTest {

    @Test
    void theBenchmarkPopulationTakesEveryBranch() throws Exception {
        PolicyRule rule = new RuleParser(AttributeCatalog.standard()).parse(RuleEvaluationBenchmark.example("sme-innovation-award"));
        assertEquals(10, rule.conditions().size());
        List<FactSheet> population = EnterprisePopulation.generate(RuleEvaluationBenchmark.ENTERPRISES, 20250615L, 2024);
        assertEquals(population, EnterprisePopulation.generate(RuleEvaluationBenchmark.ENTERPRISES, 20250615L, 2024));
        RuleEvaluator evaluator = new RuleEvaluator();
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (FactSheet facts : population) {
            RuleOutcome outcome = evaluator.evaluate(rule, facts, RuleEvaluationBenchmark.ON);
            verdicts.merge(outcome.verdict(), 1, Integer::sum);
            assertEquals(outcome.decision(), evaluator.decide(rule, facts, RuleEvaluationBenchmark.ON));
        }
        for (Verdict v : Verdict.values()) {
            assertTrue(verdicts.getOrDefault(v, 0) >= 20, "too few " + v + ": " + verdicts);
        }
    }
}

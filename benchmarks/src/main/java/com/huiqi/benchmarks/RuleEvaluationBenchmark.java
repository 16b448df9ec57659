package com.huiqi.benchmarks;

import com.huiqi.shared.rules.AttributeCatalog;
import com.huiqi.shared.rules.FactSheet;
import com.huiqi.shared.rules.PolicyRule;
import com.huiqi.shared.rules.RuleEvaluator;
import com.huiqi.shared.rules.RuleParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Evaluations per second of a realistic 10-condition rule (region, industry, age, size, tiered R&D
 * share over three years, credit with {@code not}, qualifications, and three weighted soft conditions)
 * against 1,000 varied enterprise files. One operation is one enterprise evaluated.
 *
 * <ul>
 *   <li>{@code evaluate}: the full match report with reasons, the rule parsed once (how match runs);</li>
 *   <li>{@code decide}: verdict and degree only, for policy → enterprises scans;</li>
 *   <li>{@code reparseEachTime}: the baseline, parsing the rule's JSON again for every enterprise,
 *       as a naive handler that keeps rules only as stored JSON would.</li>
 * </ul>
 *
 * Sized for a 2-core machine: one fork, 8 × 3 s warm-up (on 2 cores the JIT needs 12–20 s before the
 * reason-writing and re-parsing paths reach steady state), 5 × 3 s measurement: about two minutes in all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
public class RuleEvaluationBenchmark {

    static final int ENTERPRISES = 1000;
    static final LocalDate ON = LocalDate.of(2025, 6, 15);

    private final RuleParser parser = new RuleParser(AttributeCatalog.standard());
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private String json;
    private PolicyRule rule;
    private List<FactSheet> enterprises;

    @Setup
    public void setUp() throws IOException {
        json = example("sme-innovation-award");
        rule = parser.parse(json);
        enterprises = EnterprisePopulation.generate(ENTERPRISES, 20250615L, ON.getYear() - 1);
    }

    static String example(String name) throws IOException {
        try (InputStream in = RuleEvaluationBenchmark.class.getResourceAsStream("/rules/examples/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTERPRISES)
    public void evaluate(Blackhole blackhole) {
        for (FactSheet facts : enterprises) {
            blackhole.consume(evaluator.evaluate(rule, facts, ON));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTERPRISES)
    public void decide(Blackhole blackhole) {
        for (FactSheet facts : enterprises) {
            blackhole.consume(evaluator.decide(rule, facts, ON));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTERPRISES)
    public void reparseEachTime(Blackhole blackhole) {
        for (FactSheet facts : enterprises) {
            blackhole.consume(evaluator.evaluate(parser.parse(json), facts, ON));
        }
    }
}

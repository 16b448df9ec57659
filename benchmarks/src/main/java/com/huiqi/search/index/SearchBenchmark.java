package com.huiqi.search.index;

import com.huiqi.shared.index.IndexFiles;
import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.huiqi.search.catalogue.PublishedEntry;
import com.huiqi.search.query.QueryText;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SortOrder;
import com.huiqi.search.query.Synonyms;
import com.huiqi.search.synthetic.CatalogueTable;
import com.huiqi.search.synthetic.SyntheticCatalogue;
import com.huiqi.shared.storage.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One search of a tenant with 20,000 policy products (42,500 searchable entries with their items,
 * documents and notices): keywords 研发费用 补贴, two filters (level DISTRICT, region 320571 with
 * its city, province and the nation), all ten facets, first page of 20, highlighted.
 *
 * <ul>
 *   <li>{@code indexed}: the tenant's Lucene index, as the search function runs it;</li>
 *   <li>{@code dynamoQuery}: the baseline the issue names, a DynamoDB query filtered in memory: the
 *       same catalogue in DynamoDB Local running embedded in this JVM, in the publish function's
 *       storage layout; each kind's heads queried in gsi1, the published versions fetched by
 *       BatchGetItem, then projected and searched in memory ({@link NaiveSearch});</li>
 *   <li>{@code scan}: the same search once the rows are already in memory and projected, a stricter
 *       reference that leaves the reads out;</li>
 *   <li>{@code coldTenant}: a tenant not open in this instance: the generation's files opened from
 *       the bytes downloaded from the bucket, then the same search (single shots).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class SearchBenchmark {

    /** Policy products of the tenant (tests use fewer). */
    @Param("20000")
    public int products;

    static final String KEYWORDS = "研发费用 补贴";
    static final String TENANT = "sip";
    /** Set by Surefire; the jar run from the repository root finds the library the module's build copied. */
    private static final String SQLITE_LIBRARY_PATH = "sqlite4java.library.path";

    private final Analyzer analyzer = Fields.newAnalyzer();
    private List<SearchDocument> docs;
    private TenantIndex index;
    private byte[] files;
    private Query text;
    private List<PublishedEntry> catalogue;
    private SearchQuery query;

    TenantIndex index() {
        return index;
    }

    SearchQuery query() {
        return query;
    }

    Query text() {
        return text;
    }

    @Setup
    public void setUp() {
        catalogue = SyntheticCatalogue.generate(products);
        docs = new Projection(catalogue).all();
        var dir = IndexWriting.write(docs, analyzer);
        index = new TenantIndex(dir, analyzer);
        files = IndexFiles.zip(dir);
        text = QueryText.parse(KEYWORDS, analyzer, Synonyms.NONE);
        query = new SearchQuery(KEYWORDS, Map.of("level", Set.of("DISTRICT"),
                "region", Set.of("320571", "320500", "320000", "100000"), "status", Set.of("PUBLISHED")), Set.of(),
                SortOrder.RELEVANCE, 20, null, SyntheticCatalogue.AS_OF, SyntheticCatalogue.AS_OF.plusSeconds(7 * 86_400),
                5, "bench");
        System.out.println("\n[search] " + docs.size() + " entries, index " + files.length / 1024 + " KiB, hits "
                + search(index).total());
    }

    /**
     * The catalogue in DynamoDB Local, embedded in this JVM: only the baseline's fork loads it.
     */
    @State(Scope.Benchmark)
    public static class Table {

        private AmazonDynamoDBLocal local;
        private DynamoDbClient dynamo;
        private SearchQuery query;

        @Setup
        public void setUp(SearchBenchmark bench) throws InterruptedException {
            if (System.getProperty(SQLITE_LIBRARY_PATH) == null) {
                Path built = Path.of("benchmarks/target/native");
                System.setProperty(SQLITE_LIBRARY_PATH, (Files.isDirectory(built) ? built : Path.of("target/native")).toString());
            }
            query = bench.query;
            local = DynamoDBEmbedded.create();
            dynamo = local.dynamoDbClient();
            dynamo.createTable(Tables.DATA.toCreateTableRequest(Tables.DATA.tableName()));
            long loading = System.nanoTime();
            CatalogueTable.write(dynamo, TENANT, bench.catalogue);
            System.out.println("\n[search] " + bench.catalogue.size() + " entries written to DynamoDB Local in "
                    + (System.nanoTime() - loading) / 1_000_000 + " ms, baseline hits " + search().hits().size());
        }

        @TearDown
        public void tearDown() {
            dynamo.close();
            local.shutdownNow();
        }

        /** The baseline's whole answer: read from DynamoDB, projected, searched. */
        NaiveSearch.Result search() {
            return NaiveSearch.search(CatalogueTable.read(dynamo, TENANT), query);
        }
    }

    SearchResult search(TenantIndex target) {
        try {
            return target.search(query, text, c -> null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public SearchResult indexed() {
        return search(index);
    }

    /** One run takes seconds: each iteration is about one sample. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 10, time = 1)
    public List<SearchDocument> dynamoQuery(Table table) {
        return firstPage(table.search());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public List<SearchDocument> scan() {
        return firstPage(scanAll());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 15)
    public SearchResult coldTenant() {
        return search(new TenantIndex(IndexFiles.unzip(files), analyzer));
    }

    /** The stricter reference's whole answer: searched in the projected rows already in memory. */
    NaiveSearch.Result scanAll() {
        return NaiveSearch.scan(docs, query);
    }

    private static List<SearchDocument> firstPage(NaiveSearch.Result result) {
        return result.hits().subList(0, Math.min(20, result.hits().size()));
    }
}

package com.huiqi.search.saved;

import com.huiqi.search.index.Fields;
import com.huiqi.search.index.IndexWriting;
import com.huiqi.search.index.Indexer;
import com.huiqi.search.index.SearchDocument;
import com.huiqi.search.index.TenantIndex;
import com.huiqi.search.query.QueryText;
import com.huiqi.search.query.SearchParameters;
import com.huiqi.search.query.SearchQuery;
import com.huiqi.search.query.SynonymStore;
import com.huiqi.search.query.Synonyms;
import com.huiqi.shared.error.ApiException;
import com.huiqi.shared.identity.Caller;
import com.huiqi.shared.inbox.Inbox;
import com.huiqi.shared.inbox.InboxMessage;
import com.huiqi.shared.inbox.Recipient;
import com.huiqi.shared.storage.TenantStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved searches meet new publications: the entries an index update has just made searchable are
 * put in a small in-memory index of their own, and every saved search of the tenant runs against
 * it exactly as {@code GET /search} would run it (same parsing, synonyms, region inheritance and
 * filters), so "it would have appeared in my search" and "I was told" never disagree. Each
 * enterprise gets one inbox message per matching entry, and one SMS/WeChat announcement per
 * delivery if any of its matching saved searches asks for one.
 */
@Singleton
public class SavedSearchAlerts implements Indexer.PublicationListener {

    static final String TOPIC = "SAVED_SEARCH_MATCH";
    private static final Logger LOG = LoggerFactory.getLogger(SavedSearchAlerts.class);
    private static final Map<String, String> KIND_NAMES = Map.of("documents", "政策文件", "products", "政策产品",
            "items", "业务事项", "notices", "申报通知", "interpretations", "政策解读");

    private final SavedSearches savedSearches;
    private final SynonymStore synonyms;
    private final Inbox inbox;
    private final Analyzer analyzer = Fields.newAnalyzer();

    public SavedSearchAlerts(SavedSearches savedSearches, SynonymStore synonyms, Inbox inbox) {
        this.savedSearches = savedSearches;
        this.synonyms = synonyms;
        this.inbox = inbox;
    }

    @Override
    public void published(TenantStore store, List<Indexer.NewlyPublished> entries) {
        List<SavedSearch> all = new ArrayList<>();
        savedSearches.forEach(store, all::add);
        if (all.isEmpty()) {
            return;
        }
        Map<String, Indexer.NewlyPublished> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.put(e.document().key(), e));
        // enterprise -> entry key -> the enterprise's saved searches that match it
        Map<String, Map<String, List<SavedSearch>>> matches = new TreeMap<>();
        Synonyms tenantSynonyms = synonyms.synonyms(store);
        Instant now = Instant.now();
        try (TenantIndex fresh = new TenantIndex(IndexWriting.write(
                entries.stream().map(Indexer.NewlyPublished::document).toList(), analyzer), analyzer)) {
            for (SavedSearch saved : all) {
                for (String key : matching(fresh, saved, tenantSynonyms, now, entries.size())) {
                    matches.computeIfAbsent(saved.enterprise(), e -> new LinkedHashMap<>())
                            .computeIfAbsent(key, k -> new ArrayList<>()).add(saved);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Caller system = new Caller("system", "system:saved-search-alerts", store.keys().tenant(), Set.of(), Optional.empty());
        matches.forEach((enterprise, found) -> deliver(store, system, enterprise, found, byKey));
    }

    private List<String> matching(TenantIndex fresh, SavedSearch saved, Synonyms tenantSynonyms, Instant now, int max)
            throws IOException {
        SearchParameters.Parsed parsed;
        try {
            parsed = SearchParameters.parseSaved(saved.query());
        } catch (ApiException noLongerValid) {
            // Checked when saved; a rule tightened since must not stop everyone else's alerts.
            LOG.warn("{\"savedSearch\":\"{}\",\"skipped\":\"{}\"}", saved.id(), noLongerValid.code());
            return List.of();
        }
        SearchQuery query = parsed.toQuery(saved.id(), null, now, now);
        Query text = parsed.text() == null ? new MatchAllDocsQuery()
                : QueryText.parseOrNull(parsed.text(), fresh.analyzer(), tenantSynonyms);
        return text == null ? List.of() : fresh.keysMatching(query, text, max);
    }

    private void deliver(TenantStore store, Caller system, String enterprise, Map<String, List<SavedSearch>> found,
                         Map<String, Indexer.NewlyPublished> byKey) {
        List<Inbox.News> news = new ArrayList<>();
        Set<String> channels = new LinkedHashSet<>();
        found.forEach((key, searches) -> {
            Indexer.NewlyPublished entry = byKey.get(key);
            SearchDocument d = entry.document();
            SavedSearch first = searches.get(0);
            searches.forEach(s -> channels.addAll(s.channels()));
            String names = String.join("、", searches.stream().map(s -> "「" + s.name() + "」").toList());
            news.add(new Inbox.News(
                    "saved-search|" + key + "|v" + entry.version(), TOPIC,
                    "新" + KIND_NAMES.getOrDefault(d.kind(), "政策") + "：" + d.title(),
                    "您订阅的" + names + "有新发布的" + KIND_NAMES.getOrDefault(d.kind(), "政策") + "《" + d.title() + "》。",
                    List.of(new InboxMessage.Link(d.kind(), d.code(), d.title())),
                    new InboxMessage.Source("savedSearch", first.id(), first.name())));
        });
        for (int from = 0; from < news.size(); from += Inbox.MAX_PER_DELIVERY) {
            List<Inbox.News> part = news.subList(from, Math.min(news.size(), from + Inbox.MAX_PER_DELIVERY));
            Optional<Inbox.Announcement> announce = channels.isEmpty() ? Optional.empty()
                    : Optional.of(new Inbox.Announcement(List.copyOf(channels), "新政策提醒",
                            part.size() == 1 ? part.get(0).title()
                                    : "有" + part.size() + "条新政策符合您的订阅，首条：" + part.get(0).title()));
            List<InboxMessage> created = inbox.deliver(store, system, "saved-search-alerts", Recipient.enterprise(enterprise),
                    part, announce);
            LOG.info("{\"tenant\":\"{}\",\"savedSearchAlerts\":{},\"repeated\":{}}", store.keys().tenant().value(),
                    created.size(), part.size() - created.size());
        }
    }
}

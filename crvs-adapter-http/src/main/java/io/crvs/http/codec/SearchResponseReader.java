package io.crvs.http.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.crvs.core.domain.CrvsPersonRecord;
import io.crvs.core.domain.CrvsSearchResult;
import io.crvs.core.domain.InvalidInputException;
import io.crvs.core.domain.SearchAnswer;
import io.crvs.core.domain.SearchPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a DCI {@code SearchResponse} message (the {@code message} of a sync search answer or an
 * {@code on-search} callback, reference §7.2): one answer per {@code search_response} item, keyed by its
 * {@code reference_id}. Lenient like the notify reader: {@code reg_records} as a list or a single object (the two
 * releases differ), person records in every known shape, counts as numbers or strings; an item without
 * {@code status} but with data counts as answered. {@code rjct} (and any status other than {@code succ}) is a
 * refusal carrying {@code status_reason_code}. Items for reference ids not asked for are ignored.
 */
public final class SearchResponseReader {

    private SearchResponseReader() {
    }

    /**
     * @param message   the message member
     * @param requested the reference ids we sent and the page each asked for
     * @return the answers found, keyed by reference id (possibly fewer than requested)
     * @throws EnvelopeFormatException when the message or an item cannot be read
     */
    public static Map<String, SearchAnswer> read(JsonNode message, Map<String, SearchPage> requested) {
        JsonNode items = JsonFields.member(message, "search_response");
        if (items == null) {
            throw problem("search_response", "is missing");
        }
        Map<String, SearchAnswer> answers = new LinkedHashMap<>();
        List<JsonNode> list = JsonFields.elements(items);
        for (int i = 0; i < list.size(); i++) {
            int position = i;
            JsonFields.Problem problem = (field, what) -> problem("search_response[" + position + "]." + field, what);
            JsonNode item = list.get(i);
            String ref = JsonFields.nonBlankText(JsonFields.member(item, "reference_id"), "reference_id", problem);
            if (ref == null || !requested.containsKey(ref) || answers.containsKey(ref)) {
                continue;
            }
            answers.put(ref, answer(item, requested.get(ref), problem));
        }
        return answers;
    }

    private static SearchAnswer answer(JsonNode item, SearchPage asked, JsonFields.Problem problem) {
        String status = JsonFields.nonBlankText(JsonFields.member(item, "status"), "status", problem);
        JsonNode data = JsonFields.member(item, "data");
        if (status == null ? data == null : !status.strip().equalsIgnoreCase("succ")) {
            String code = JsonFields.nonBlankText(JsonFields.member(item, "status_reason_code"),
                    "status_reason_code", problem);
            String why = JsonFields.nonBlankText(JsonFields.member(item, "status_reason_message"),
                    "status_reason_message", problem);
            return new SearchAnswer.Refused(SafeText.clean(code != null ? code : status == null ? "rjct" : status, 80),
                    why == null ? null : SafeText.clean(why, SafeText.MESSAGE_LIMIT));
        }
        List<CrvsPersonRecord> records = new ArrayList<>();
        List<JsonNode> raw = JsonFields.elements(JsonFields.member(data, "reg_records"));
        for (int k = 0; k < raw.size(); k++) {
            records.add(PersonRecordReader.read(raw.get(k), "data.reg_records[" + k + "]", problem));
        }
        JsonNode pagination = JsonFields.member(item, "pagination");
        SearchPage page = page(pagination, asked, problem);
        long total = count(JsonFields.member(pagination, "total_count"), records.size(), problem);
        return new SearchAnswer.Answered(new CrvsSearchResult(records, page, Math.max(total, records.size())));
    }

    private static SearchPage page(JsonNode pagination, SearchPage asked, JsonFields.Problem problem) {
        long number = count(JsonFields.member(pagination, "page_number"), asked.number(), problem);
        long size = count(JsonFields.member(pagination, "page_size"), asked.size(), problem);
        try {
            return new SearchPage((int) Math.min(number, Integer.MAX_VALUE), (int) Math.min(size, Integer.MAX_VALUE));
        } catch (InvalidInputException e) {
            return asked; // a CRVS that numbers pages from 0 or sends a page size of 0: what we asked for stands
        }
    }

    private static long count(JsonNode node, long fallback, JsonFields.Problem problem) {
        String text = JsonFields.nonBlankText(node, "pagination", problem);
        if (text == null) {
            return fallback;
        }
        if (!text.strip().matches("\\d{1,15}")) {
            throw problem.at("pagination", "counts must be whole numbers");
        }
        return Long.parseLong(text.strip());
    }

    private static EnvelopeFormatException problem(String field, String what) {
        return new EnvelopeFormatException(EnvelopeFormatException.INVALID_MESSAGE, "message." + field + " " + what);
    }
}

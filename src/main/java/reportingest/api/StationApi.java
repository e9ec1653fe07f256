package reportingest.api;

import org.apache.camel.Header;
import reportingest.review.ReviewOverview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the review station (/review) needs beyond the rest of the API: the queue one line per document, with its
 * counts and reasons in plain words, and every flag code in plain Chinese and English.
 */
public final class StationApi {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final ReviewOverview overview;

    public StationApi(ReviewOverview overview) {
        this.overview = overview;
    }

    /** {@code GET /api/review/documents?status=&body=&year=&after=&limit=}. */
    public ApiResponse documents(@Header("status") String statusParam, @Header("body") String body, @Header("year") String yearParam,
                                 @Header("after") String after, @Header("limit") String limitParam) {
        String status = Params.oneOf("status", statusParam, Set.copyOf(ReviewOverview.STATUSES));
        Long year = Params.optionalLong("year", yearParam);
        if (year != null && year > 9999) throw Params.bad("year must be a year such as 2022");
        Long afterId = Params.optionalLong("after", after);
        int limit = Params.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
        if (body != null && body.length() > 400) throw Params.bad("body must be at most 400 characters");
        List<Map<String, Object>> items = overview.documents(status == null ? "NEEDS_REVIEW" : status, Params.text(body),
                year == null ? null : year.intValue(), afterId == null ? 0 : afterId, limit);
        boolean more = items.size() > limit;
        List<Map<String, Object>> page = more ? items.subList(0, limit) : items;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page);
        answer.put("next", more ? String.valueOf(page.get(limit - 1).get("documentId")) : null);
        return ApiResponse.ok(answer);
    }

    /** {@code GET /api/flags}: every flag code, whether it asks for review, and its reason in English and Chinese. */
    public ApiResponse flags() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", ReviewOverview.allWords());
        return ApiResponse.ok(answer);
    }
}

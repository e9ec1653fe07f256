package reportingest.feed;

import java.util.List;

/** A page of the feed and the cursor to continue from; {@code more} says whether the next page has items already. */
public record FeedPage(List<FeedFact> items, long next, boolean more) {}

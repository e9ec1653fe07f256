package reportingest.feed;

/**
 * One page of the pull feed: changes after {@code since}, at most {@code limit}, optionally only of
 * one status (ACCEPTED, NEEDS_REVIEW, REJECTED; null for all), schema, unit or fiscal year.
 */
public record FeedQuery(long since, int limit, String status, String schema, String unit, Integer year) {}

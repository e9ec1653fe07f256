package reportingest.api;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;

/**
 * Signed-in reviewers of the review station: a random session id (the {@code HttpOnly}, {@code SameSite=Strict}
 * cookie) with the reviewer's name and a CSRF token the page sends back in {@code X-CSRF-Token} on every write.
 * Kept in memory: a restart signs everyone out. Wrong passwords are counted per name: after
 * {@link #MAX_FAILURES} within {@link #FAILURE_WINDOW} that name is refused (429) until the window has passed.
 */
public final class ReviewSessions {
    public static final String COOKIE = "review_session";
    static final Duration IDLE = Duration.ofHours(8);
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Session(String id, String reviewer, String csrf, Instant lastUsed) {}

    private record Failures(int count, Instant first) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public ReviewSessions() {
        this(Clock.systemUTC());
    }

    ReviewSessions(Clock clock) {
        this.clock = clock;
    }

    Session open(String reviewer) {
        failures.remove(reviewer);
        Session s = new Session(random(), reviewer, random(), clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The session of a {@code Cookie} header, when it names one that has not expired. */
    Optional<Session> find(String cookieHeader) {
        String id = cookie(cookieHeader);
        if (id == null) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (s.lastUsed().plus(IDLE).isBefore(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.reviewer(), s.csrf(), clock.instant());
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    void close(String id) {
        sessions.remove(id);
    }

    static boolean csrfMatches(Session s, String sent) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8));
    }

    /** Seconds until the name may try again, or 0. */
    long lockedFor(String name) {
        Failures f = failures.get(name);
        if (f == null) return 0;
        Instant until = f.first().plus(FAILURE_WINDOW);
        if (!until.isAfter(clock.instant())) {
            failures.remove(name);
            return 0;
        }
        return f.count() >= MAX_FAILURES ? Math.max(1, Duration.between(clock.instant(), until).toSeconds()) : 0;
    }

    void failed(String name) {
        if (failures.size() > 10_000) failures.entrySet().removeIf(e -> !e.getValue().first().plus(FAILURE_WINDOW).isAfter(clock.instant()));
        failures.merge(name, new Failures(1, clock.instant()), (a, b) -> new Failures(a.count() + 1, a.first()));
    }

    static String cookie(String header) {
        if (header == null) return null;
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) return p.substring(COOKIE.length() + 1);
        }
        return null;
    }

    static String setCookie(String id) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
    }

    static String clearCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

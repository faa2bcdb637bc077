package dev.vocloop.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vocloop.local.demo.DemoApi.DemoException;
import dev.vocloop.local.demo.DemoCatalog.Person;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code ./vocloop up --demo}: fills a fresh platform with a living picture through the public API
 * only, as a real tenant would (admin key for set-up, an app key for the widget's feedback, an agent
 * key for the agents' work, no key for customers' answers). Runs only when the platform holds no
 * feedback, tickets or surveys yet, so a restart or a real installation is never touched.
 */
public final class DemoLoader {

    /** Weeks of NPS history; all inside the 90 days that reports show by default. */
    private static final int HISTORY_WEEKS = 12;
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** Teams the demo staffs; tickets routed to them are assigned on arrival. */
    private static final List<String> STAFFED = List.of("billing", "tech", "delivery");

    private final DemoApi api;
    private final String publicUrl;
    private final String adminKey;
    private final Random random = new Random(2026);
    private final Instant now = Instant.now();
    private final Map<String, Integer> feedbackAge = new HashMap<>();
    private String appKey;
    private String agentKey;
    private String agentId;
    private int feedbackSent;
    private int surveyFeedback;
    private final Map<String, String> phases = new LinkedHashMap<>();

    /** What a load did, for the launcher to print. */
    public record Result(boolean loaded, String summary, Map<String, String> keys) {
    }

    /**
     * @param apiUrl where the loader reaches the gateway
     * @param publicUrl the gateway's address as a browser sees it, for the printed demo page address
     * @param adminKey the bootstrap admin key
     */
    public DemoLoader(String apiUrl, String publicUrl, String adminKey) {
        this.api = new DemoApi(apiUrl);
        this.publicUrl = publicUrl;
        this.adminKey = adminKey;
    }

    /** Loads the demo unless the platform already has data; {@code home} gets the demo keys file. */
    public Result load(Path home) {
        String existing = existingData();
        if (existing != null) {
            return new Result(false, "Demo data skipped: the platform already has data (" + existing + ").", Map.of());
        }
        long start = System.nanoTime();
        phase("set-up", this::createKeysTeamsAndRules);
        int[] history = new int[1];
        phase("NPS history", () -> history[0] = importNpsHistory());
        phase("feedback", () -> {
            sendInApp();
            sendMails();
            sendChats();
            sendSocialPosts();
            sendAppReviews();
        });
        int[] pending = new int[1];
        phase("surveys", () -> pending[0] = inviteAndAnswerSurveys());
        phase("routing", this::awaitHandOvers);
        List<Map<String, Integer>> worked = new ArrayList<>();
        phase("tickets", () -> worked.add(workTickets()));
        Map<String, Integer> states = worked.get(0);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("Customer app key (widget)", appKey);
        keys.put("Agent key (all demo teams)", agentKey);
        keys.put("Widget demo page", publicUrl + "/demo/widget-host.html?key=" + appKey + "&customer=c-1001&lang=zh-CN");
        writeKeys(home, keys);
        int tickets = states.values().stream().mapToInt(Integer::intValue).sum();
        String summary = String.format("Demo data loaded in %.1f s %s: %d customers in %d tiers and %d lifecycle stages; "
                        + "%d feedback items over 6 channels; %d tickets %s; %d NPS answers over %d weeks "
                        + "(+ %d answered now), %d surveys waiting in the app widget.",
                (System.nanoTime() - start) / 1e9, phases, DemoCatalog.PEOPLE.size(), DemoCatalog.TIERS.size(),
                DemoCatalog.STAGES.size(), feedbackSent, tickets, states, history[0], HISTORY_WEEKS,
                DemoCatalog.LINK_ANSWERS.size(), pending[0]);
        return new Result(true, summary, keys);
    }

    /** Runs one step and notes its duration, so that a slow demo load says where the time went. */
    private void phase(String name, Runnable step) {
        long start = System.nanoTime();
        step.run();
        phases.put(name, String.format("%.1f s", (System.nanoTime() - start) / 1e9));
    }

    /** Null when the platform is empty, else what was found. */
    private String existingData() {
        List<String> found = new ArrayList<>();
        if (api.get(adminKey, "/api/v1/feedback?limit=1").path("items").size() > 0) {
            found.add("feedback");
        }
        if (api.get(adminKey, "/api/v1/tickets?limit=1").path("items").size() > 0) {
            found.add("tickets");
        }
        if (api.get(adminKey, "/api/v1/surveys").path("items").size() > 0) {
            found.add("surveys");
        }
        return found.isEmpty() ? null : String.join(", ", found);
    }

    private void createKeysTeamsAndRules() {
        // Identity verification off: the demo page has no server of its own to sign the customer id, and
        // its address (printed with the key) picks the customer. A real app keeps it on (the default).
        appKey = api.post(adminKey, "/api/v1/api-keys", Map.of("name", "Lotus Mart app (demo widget)", "role", "CUSTOMER_APP",
                "identityRequired", false)).path("key").asText();
        JsonNode agent = api.post(adminKey, "/api/v1/api-keys", Map.of("name", "Demo agent Anna 安娜", "role", "AGENT",
                "teams", List.of("support", "billing", "tech", "delivery", "social")));
        agentKey = agent.path("key").asText();
        agentId = agent.path("id").asText();

        // Public posts go to a new social-media team nobody staffs yet: their tickets wait there as NEW.
        api.post(adminKey, "/api/v1/teams", Map.of("key", "social", "name", "Social media 社媒运营", "members", List.of()));
        rule("Public posts to social media", Map.of("channels", List.of("SOCIAL")), "social");
        team("billing", "Billing 账单与支付", List.of(agentId, "wang.fang", "sam.lee"));
        team("tech", "App and web 技术支持", List.of(agentId, "zhou.jie", "olivia.chen"));
        team("delivery", "Delivery 物流配送", List.of(agentId, "li.na"));
        // The seeded default team "support" stays without members too: what no rule routes waits there
        // until someone picks it up, while tickets of the staffed teams are assigned on arrival.

        rule("Billing and payments to billing", Map.of("topics", List.of("BILLING")), "billing");
        rule("Delivery problems to delivery", Map.of("topics", List.of("DELIVERY")), "delivery");
        rule("Bugs and slowness to tech", Map.of("intents", List.of("BUG")), "tech");
        rule("Performance to tech", Map.of("topics", List.of("PERFORMANCE")), "tech");
    }

    private void team(String key, String name, List<String> members) {
        api.post(adminKey, "/api/v1/teams", Map.of("key", key, "name", name, "members", members, "lead", members.get(1)));
    }

    private void rule(String name, Map<String, Object> conditions, String team) {
        api.post(adminKey, "/api/v1/routing-rules", Map.of("name", name, "conditions", conditions, "action", Map.of("team", team)));
    }

    private String surveyId;

    /**
     * Twelve weeks of NPS answers from a few hundred customers, each asked at most once a month: a
     * steady score, a payment incident five to six weeks ago that makes detractors jump (a change
     * the trend marks as significant), and a recovery after the fix.
     */
    private int importNpsHistory() {
        Map<String, Object> survey = new LinkedHashMap<>();
        survey.put("type", "NPS");
        survey.put("name", "客户推荐度 Customer NPS");
        survey.put("questions", Map.of("zh-CN", "您有多大可能向朋友或同事推荐莲花商城？", "en", "How likely are you to recommend Lotus Mart to a friend or colleague?"));
        survey.put("followUpQuestions", Map.of("zh-CN", "您打这个分数的主要原因是什么？", "en", "What is the main reason for your score?"));
        surveyId = api.post(adminKey, "/api/v1/surveys", survey).path("id").asText();

        List<Map<String, Object>> pool = new ArrayList<>();
        for (int i = 1; i <= 260; i++) {
            boolean zh = random.nextDouble() < 0.55;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", String.format("c-h%04d", i));
            c.put("locale", zh ? "zh-CN" : "en");
            c.put("tier", pick(DemoCatalog.TIERS, new double[] {0.4, 0.25, 0.2, 0.1, 0.05}));
            c.put("lifecycleStage", pick(DemoCatalog.STAGES, new double[] {0.15, 0.2, 0.35, 0.15, 0.15}));
            c.put("attributes", Map.of("product", random.nextDouble() < 0.7 ? "app" : "web", "region",
                    zh ? "cn" : pick(List.of("us", "uk", "au", "ca", "sg"), new double[] {0.4, 0.25, 0.15, 0.1, 0.1})));
            pool.add(c);
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        int asked = 0;
        for (int week = HISTORY_WEEKS - 1; week >= 0; week--) {
            // Promoter and detractor shares of the week: steady, incident (weeks 5-6 ago), recovered (last 3).
            double promoters = week >= 7 ? 0.48 : week >= 5 ? 0.22 : week >= 3 ? 0.40 : 0.55;
            double detractors = week >= 7 ? 0.24 : week >= 5 ? 0.50 : week >= 3 ? 0.26 : 0.17;
            int n = 40 + random.nextInt(12);
            // Exact shares, shuffled, rather than a coin per answer: the story stays readable in the trend.
            List<String> bands = new ArrayList<>();
            int promoterCount = (int) Math.round(n * promoters);
            int detractorCount = (int) Math.round(n * detractors);
            for (int i = 0; i < n; i++) {
                bands.add(i < promoterCount ? "A" : i < promoterCount + detractorCount ? "D" : "P");
            }
            java.util.Collections.shuffle(bands, random);
            for (String band : bands) {
                Map<String, Object> customer = pool.get(asked++ % pool.size());
                int score = switch (band) {
                    case "D" -> pick(List.of(0, 2, 3, 4, 5, 6), new double[] {0.05, 0.05, 0.1, 0.15, 0.3, 0.35});
                    case "P" -> 7 + random.nextInt(2);
                    default -> 9 + random.nextInt(2);
                };
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("customer", customer);
                a.put("score", score);
                if (random.nextDouble() < 0.3) {
                    boolean zh = "zh-CN".equals(customer.get("locale"));
                    List<String> reasons = (zh ? DemoCatalog.REASONS_ZH : DemoCatalog.REASONS_EN).get(band);
                    a.put("comment", reasons.get(random.nextInt(reasons.size())));
                }
                // Never within the last hour, so a live answer given right after the demo stands out.
                long minutesAgo = (long) week * 7 * 24 * 60 + 60 + random.nextInt(7 * 24 * 60 - 120);
                a.put("answeredAt", now.minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
                a.put("channel", random.nextDouble() < 0.6 ? "EMAIL" : "IN_APP");
                answers.add(a);
            }
        }
        api.post(adminKey, "/api/v1/admin/surveys/" + surveyId + "/responses/import", answers);
        return answers.size();
    }

    private void sendInApp() {
        // With the app key, exactly as the widget sends it.
        for (DemoCatalog.InApp f : DemoCatalog.IN_APP) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", "IN_APP");
            body.put("externalId", "demo-widget-" + f.customer() + "-" + f.daysAgo());
            body.put("text", f.text());
            body.put("rating", f.rating());
            body.put("page", f.page());
            body.put("device", f.device());
            body.put("appVersion", f.daysAgo() > 40 ? "5.2.4" : "5.3.0");
            body.put("customer", DemoCatalog.person(f.customer()).customer());
            body.put("receivedAt", ago(f.daysAgo()));
            remember(api.post(appKey, "/api/v1/feedback", body), f.daysAgo());
        }
    }

    private void sendMails() {
        Session session = Session.getInstance(new Properties());
        for (DemoCatalog.Mail m : DemoCatalog.MAILS) {
            Person p = DemoCatalog.person(m.customer());
            try {
                String messageId = "<demo-" + p.id() + "-" + m.daysAgo() + "@mail.example>";
                MimeMessage message = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws jakarta.mail.MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                message.setFrom(new InternetAddress(p.email(), p.name(), "UTF-8"));
                message.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@lotusmart.example");
                message.setSubject(m.subject(), "UTF-8");
                message.setText(m.body(), "UTF-8");
                message.setSentDate(Date.from(Instant.parse(ago(m.daysAgo()))));
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                remember(api.postMail(adminKey, raw.toByteArray()), m.daysAgo());
            } catch (jakarta.mail.MessagingException | IOException e) {
                throw new DemoException("could not write the demo e-mail of " + p.id() + ": " + e.getMessage());
            }
        }
    }

    private void sendChats() {
        for (DemoCatalog.Chat c : DemoCatalog.CHATS) {
            List<Map<String, Object>> messages = new ArrayList<>();
            int minute = 0;
            for (String line : c.lines()) {
                String role = switch (line.charAt(0)) {
                    case 'A' -> "AGENT";
                    case 'B' -> "BOT";
                    default -> "CUSTOMER";
                };
                messages.add(Map.of("role", role, "text", line.substring(2),
                        "at", Instant.parse(ago(c.daysAgo())).plus(minute++, ChronoUnit.MINUTES).toString()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", "SUPPORT_CHAT");
            body.put("externalId", "demo-chat-" + c.customer());
            body.put("messages", messages);
            body.put("customer", DemoCatalog.person(c.customer()).customer());
            body.put("receivedAt", ago(c.daysAgo()));
            remember(api.post(adminKey, "/api/v1/feedback", body), c.daysAgo());
        }
    }

    private void sendSocialPosts() {
        for (DemoCatalog.Social s : DemoCatalog.SOCIAL) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", "SOCIAL");
            body.put("externalId", "demo-" + s.platform().toLowerCase() + "-" + s.handle());
            body.put("text", s.text());
            body.put("platform", s.platform());
            body.put("authorHandle", s.handle());
            body.put("url", "https://social.example/" + s.platform().toLowerCase() + "/post/" + Math.abs(s.text().hashCode()));
            body.put("publicPost", true);
            body.put("customer", Map.of("id", s.platform().toLowerCase() + ":" + s.handle(), "locale", locale(s.text())));
            body.put("receivedAt", ago(s.daysAgo()));
            remember(api.post(adminKey, "/api/v1/feedback", body), s.daysAgo());
        }
    }

    /** App-store reviews arrive as one batch, as an export from the stores would. */
    private void sendAppReviews() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (DemoCatalog.Review r : DemoCatalog.REVIEWS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", "APP_REVIEW");
            body.put("externalId", "demo-" + r.store().toLowerCase() + "-" + r.author());
            body.put("store", r.store());
            body.put("rating", r.rating());
            body.put("title", r.title());
            body.put("text", r.text());
            body.put("appVersion", r.daysAgo() > 45 ? "5.2.4" : "5.3.0");
            body.put("customer", Map.of("id", r.store().toLowerCase() + ":" + r.author(), "locale", locale(r.text())));
            body.put("receivedAt", ago(r.daysAgo()));
            batch.add(body);
        }
        JsonNode results = api.post(adminKey, "/api/v1/feedback/batch", batch).path("items");
        for (int i = 0; i < results.size(); i++) {
            if (!"CREATED".equals(results.get(i).path("status").asText())) {
                throw new DemoException("app review " + i + " was not stored: " + results.get(i).path("reason").asText());
            }
            feedbackAge.put(results.get(i).path("id").asText(), DemoCatalog.REVIEWS.get(i).daysAgo());
            feedbackSent++;
        }
    }

    /** In-app invitations wait in the widget; e-mail ones go to the mail folder; link ones are answered now. */
    private int inviteAndAnswerSurveys() {
        invite("IN_APP", DemoCatalog.IN_APP_INVITED);
        invite("EMAIL", DemoCatalog.EMAIL_INVITED);
        JsonNode links = invite("LINK", DemoCatalog.LINK_ANSWERS.stream().map(DemoCatalog.LinkAnswer::customer).toList());
        for (int i = 0; i < DemoCatalog.LINK_ANSWERS.size(); i++) {
            DemoCatalog.LinkAnswer a = DemoCatalog.LINK_ANSWERS.get(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", links.get(i).path("token").asText());
            body.put("score", a.score());
            if (a.comment() != null) {
                body.put("comment", a.comment());
            }
            // No key: the token is the customer's credential.
            JsonNode answered = api.post(null, "/api/v1/survey-responses", body);
            if (answered.path("forwarded").asBoolean()) {
                feedbackSent++;
                surveyFeedback++;
            }
        }
        return DemoCatalog.IN_APP_INVITED.size();
    }

    private JsonNode invite(String channel, List<String> customers) {
        JsonNode items = api.post(adminKey, "/api/v1/surveys/" + surveyId + "/invitations", Map.of("channel", channel,
                "customers", customers.stream().map(id -> DemoCatalog.person(id).customer()).toList())).path("items");
        for (JsonNode item : items) {
            if (!"INVITED".equals(item.path("status").asText())) {
                throw new DemoException(channel + " invitation of " + item.path("customerId").asText() + " was skipped: "
                        + item.path("reason").asText());
            }
        }
        return items;
    }

    /** Waits until every actionable item has reached ticket-service (survey answers arrive through an outbox). */
    private void awaitHandOvers() {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            // Everything else was stored before its POST answered; only survey answers travel through an outbox.
            int fromSurveys = api.get(adminKey, "/api/v1/feedback?channel=SURVEY&limit=50").path("items").size();
            int pending = api.get(adminKey, "/api/v1/feedback?loopStatus=PENDING&limit=1").path("items").size();
            if (fromSurveys >= surveyFeedback && pending == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoException("feedback did not reach ticket-service within " + SETTLE.toSeconds() + " s ("
                        + fromSurveys + " of " + surveyFeedback + " survey answers arrived, " + pending + " item(s) pending)");
            }
            sleep(300);
        }
    }

    /**
     * Puts the tickets into every state an agent's day produces. Older tickets are further along.
     * Answered follow-ups need customers without e-mail (their follow-up waits in the app, and its
     * link is readable through the API); customers with e-mail get the follow-up mail and stay
     * RESOLVED. CLOSED_UNCONFIRMED normally comes from a follow-up left unanswered for 7 days,
     * which a fresh demo cannot wait for: one ticket is closed that way by hand through the status API.
     */
    private Map<String, Integer> workTickets() {
        List<JsonNode> tickets = new ArrayList<>();
        api.get(adminKey, "/api/v1/tickets?limit=200").path("items").forEach(tickets::add);
        tickets.sort((a, b) -> Integer.compare(age(b), age(a)));
        List<JsonNode> left = new ArrayList<>(tickets);
        Predicate<JsonNode> inApp = t -> email(t).isEmpty() && t.path("customer").path("id").asText().startsWith("c-");
        Predicate<JsonNode> byMail = t -> !email(t).isEmpty();
        List<JsonNode> closed = take(left, inApp, 4);
        List<JsonNode> reopened = take(left, inApp, 2);
        List<JsonNode> resolved = take(left, byMail, 3);
        List<JsonNode> unconfirmed = take(left, byMail, 1);
        // Tickets of staffed teams were assigned (OPEN) on arrival; those of unstaffed teams stay NEW.
        Predicate<JsonNode> staffed = t -> STAFFED.contains(t.path("team").asText());
        List<JsonNode> waiting = take(left, staffed, 2);
        List<JsonNode> inProgress = take(left, staffed, 3);

        for (JsonNode t : inProgress) {
            assign(t);
            status(t, "IN_PROGRESS");
            comment(t, "INTERNAL", zh(t) ? "已复现，正在和开发确认原因。" : "Reproduced; checking the cause with the developers.");
        }
        for (JsonNode t : waiting) {
            assign(t);
            comment(t, "PUBLIC", zh(t) ? "您好，麻烦提供一下订单号和截图，方便我们排查。" : "Hi, could you send us the order number and a screenshot?");
            status(t, "WAITING_ON_CUSTOMER");
        }
        List<JsonNode> all = new ArrayList<>(closed);
        all.addAll(reopened);
        all.addAll(resolved);
        all.addAll(unconfirmed);
        int n = 0;
        for (JsonNode t : all) {
            assign(t);
            List<String> pool = zh(t) ? DemoCatalog.RESOLUTIONS_ZH : DemoCatalog.RESOLUTIONS_EN;
            api.post(agentKey, "/api/v1/tickets/" + t.path("id").asText() + "/resolve", Map.of("resolution", pool.get(n++ % pool.size())));
        }
        for (JsonNode t : unconfirmed) {
            status(t, "CLOSED_UNCONFIRMED");
        }
        for (int i = 0; i < closed.size() + reopened.size(); i++) {
            boolean solved = i < closed.size();
            JsonNode t = solved ? closed.get(i) : reopened.get(i - closed.size());
            String token = awaitInAppFollowUp(t.path("id").asText());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("solved", solved);
            answer.put("rating", solved ? 4 + i % 2 : 2);
            if (!solved) {
                answer.put("comment", zh(t) ? "还是不行，问题依旧" : "Still happening, sorry.");
            }
            api.post(null, "/api/v1/follow-ups/" + token + "/answer", answer);
        }
        return awaitStates(closed.size() + reopened.size());
    }

    private Map<String, Integer> awaitStates(int answered) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            Map<String, Integer> states = new TreeMap<>();
            api.get(adminKey, "/api/v1/tickets?limit=200").path("items")
                    .forEach(t -> states.merge(t.path("status").asText(), 1, Integer::sum));
            int outcomes = states.getOrDefault("CLOSED", 0) + states.getOrDefault("REOPENED", 0);
            if (outcomes >= answered || Instant.now().isAfter(deadline)) {
                return states;
            }
            sleep(250);
        }
    }

    private String awaitInAppFollowUp(String ticketId) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            JsonNode items = api.get(adminKey, "/api/v1/follow-ups?ticketId=" + DemoApi.enc(ticketId)).path("items");
            String url = items.size() > 0 ? items.get(0).path("url").asText("") : "";
            if (!url.isEmpty()) {
                return url.substring(url.lastIndexOf('/') + 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoException("no in-app follow-up for ticket " + ticketId + " within " + SETTLE.toSeconds() + " s");
            }
            sleep(200);
        }
    }

    private void assign(JsonNode t) {
        if (!STAFFED.contains(t.path("team").asText())) {
            return;
        }
        api.post(agentKey, "/api/v1/tickets/" + t.path("id").asText() + "/assign", Map.of("assignee", agentId));
    }

    private void status(JsonNode t, String status) {
        api.post(agentKey, "/api/v1/tickets/" + t.path("id").asText() + "/status", Map.of("status", status));
    }

    private void comment(JsonNode t, String visibility, String body) {
        api.post(agentKey, "/api/v1/tickets/" + t.path("id").asText() + "/comments", Map.of("body", body, "visibility", visibility));
    }

    private static List<JsonNode> take(List<JsonNode> from, Predicate<JsonNode> which, int count) {
        List<JsonNode> taken = new ArrayList<>();
        for (JsonNode t : List.copyOf(from)) {
            if (taken.size() == count) {
                break;
            }
            if (which.test(t)) {
                taken.add(t);
                from.remove(t);
            }
        }
        return taken;
    }

    private int age(JsonNode ticket) {
        int oldest = 0;
        for (JsonNode id : ticket.path("feedbackIds")) {
            oldest = Math.max(oldest, feedbackAge.getOrDefault(id.asText(), 0));
        }
        return oldest;
    }

    private static String email(JsonNode ticket) {
        return ticket.path("customer").path("email").asText("");
    }

    private static boolean zh(JsonNode ticket) {
        String locale = ticket.path("customer").path("locale").asText("");
        return locale.startsWith("zh") || "zh".equals(ticket.path("language").asText());
    }

    private void remember(JsonNode stored, int daysAgo) {
        feedbackAge.put(stored.path("id").asText(), daysAgo);
        feedbackSent++;
    }

    /** A time {@code days} ago, during the shop's day (Beijing 09:00-21:00), a little different for each item. */
    private String ago(int days) {
        Instant day = now.minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Instant at = day.plus(1, ChronoUnit.HOURS).plus(random.nextInt(12 * 60), ChronoUnit.MINUTES);
        return (at.isAfter(now) ? now.minus(5, ChronoUnit.MINUTES) : at).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String locale(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "zh-CN" : "en";
    }

    private <T> T pick(List<T> values, double[] weights) {
        double r = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += weights[i];
            if (r < sum) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    private static void writeKeys(Path home, Map<String, String> keys) {
        Path file = home.resolve("demo-keys.txt");
        StringBuilder s = new StringBuilder("# Keys made by ./vocloop up --demo (shown once by the API; kept here for you)\n");
        keys.forEach((name, value) -> s.append(name).append(": ").append(value).append('\n'));
        try {
            Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the home folder's own permissions protect it
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted while waiting for the platform");
        }
    }
}

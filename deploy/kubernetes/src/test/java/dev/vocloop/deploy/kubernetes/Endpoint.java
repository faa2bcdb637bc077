package dev.vocloop.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A host and port a workload is configured to connect to, and the variable that says so. */
public record Endpoint(String variable, String host, int port) {

    private static final Pattern URL = Pattern.compile("^(?:jdbc:)?(https?|postgresql|mongodb(?:\\+srv)?)://(?:[^@/]*@)?([^/?]+).*");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "postgresql", 5432,
            "mongodb", 27017, "mongodb+srv", 27017);

    /** Endpoints in an environment: every URL (JDBC, MongoDB seed lists included) and SMTP_HOST/SMTP_PORT. */
    public static List<Endpoint> in(Map<String, String> env) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (var e : env.entrySet()) {
            Matcher m = URL.matcher(e.getValue() == null ? "" : e.getValue());
            if (!m.matches()) {
                continue;
            }
            for (String hostPort : m.group(2).split(",")) {
                int colon = hostPort.lastIndexOf(':');
                endpoints.add(colon < 0 ? new Endpoint(e.getKey(), hostPort, DEFAULT_PORTS.get(m.group(1)))
                        : new Endpoint(e.getKey(), hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
            }
        }
        String smtp = env.get("SMTP_HOST");
        if (smtp != null && !smtp.isBlank()) {
            endpoints.add(new Endpoint("SMTP_HOST", smtp, Integer.parseInt(env.getOrDefault("SMTP_PORT", "25"))));
        }
        return endpoints;
    }
}

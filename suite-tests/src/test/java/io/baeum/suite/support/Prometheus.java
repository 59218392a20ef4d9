package io.baeum.suite.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.baeum.suite.support.Suite.Service;

/**
 * What an operator sees of a service's traffic: its own {@code /actuator/prometheus}. A service counts
 * every request it answered in {@code http_server_requests_seconds_count}, including those its security
 * filters refused (those carry {@code uri="UNKNOWN"}), so an unchanged total means the request never
 * reached it.
 */
public final class Prometheus {

    private static final Pattern SERIES = Pattern.compile(
            "^http_server_requests_seconds_count\\{(?<labels>[^}]*)}\\s+(?<value>\\S+)$", Pattern.MULTILINE);
    private static final Pattern URI_LABEL = Pattern.compile("(?:^|,)uri=\"(?<uri>[^\"]*)\"");

    private Prometheus() {
    }

    /**
     * Requests {@code service} has answered on its API, i.e. every {@code uri} except its own
     * {@code /actuator/**} (scrapes, the gateway's health probes) and {@code /.well-known/**} (JWKS
     * fetches by other services), which happen in the background.
     */
    public static long apiRequestsAnswered(Service service) {
        Reply scrape = Suite.direct(service).get("/actuator/prometheus");
        if (scrape.status() != 200) {
            throw new IllegalStateException(service + " metrics: " + scrape);
        }
        long total = 0;
        Matcher series = SERIES.matcher(scrape.body());
        while (series.find()) {
            Matcher uri = URI_LABEL.matcher(series.group("labels"));
            String path = uri.find() ? uri.group("uri") : "";
            if (!path.startsWith("/actuator") && !path.startsWith("/.well-known")) {
                total += (long) Double.parseDouble(series.group("value"));
            }
        }
        return total;
    }
}

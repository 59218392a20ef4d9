package io.baeum.suite.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    /**
     * Scrapes use their own connections: reusing a keep-alive connection on which the service has just
     * refused a request (401) made the JDK client's next request on it hang now and then (seen here
     * with Reactor Netty 4.0.7's servers, not reproduced with curl).
     */
    private static final HttpClient SCRAPER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Prometheus() {
    }

    /**
     * Requests {@code service} has answered on its API, i.e. every {@code uri} except its own
     * {@code /actuator/**} (scrapes, the gateway's health probes) and {@code /.well-known/**} (JWKS
     * fetches by other services), which happen in the background.
     */
    public static long apiRequestsAnswered(Service service) {
        long total = 0;
        Matcher series = SERIES.matcher(scrape(service.url().resolve("/actuator/prometheus")));
        while (series.find()) {
            Matcher uri = URI_LABEL.matcher(series.group("labels"));
            String path = uri.find() ? uri.group("uri") : "";
            if (!path.startsWith("/actuator") && !path.startsWith("/.well-known")) {
                total += (long) Double.parseDouble(series.group("value"));
            }
        }
        return total;
    }

    private static String scrape(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build();
        try {
            HttpResponse<String> response = SCRAPER.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted scraping " + uri, e);
        }
    }
}

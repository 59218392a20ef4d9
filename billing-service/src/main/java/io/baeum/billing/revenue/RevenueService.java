package io.baeum.billing.revenue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.order.OrderService;
import io.baeum.billing.refund.RefundService;
import io.baeum.billing.revenue.domain.RevenueReport;
import io.baeum.common.error.DomainException;

/**
 * Revenue statistics for admins. Month boundaries are those of the institution's zone (Asia/Seoul):
 * a payment at 2026-01-31T15:30Z is February's. "Now" comes from the injected clock: the default year
 * and the last month reported.
 */
@Service
public class RevenueService {

    private final OrderService orders;
    private final RefundService refunds;
    private final Clock clock;
    private final ZoneId zone;

    RevenueService(OrderService orders, RefundService refunds, Clock clock, BillingProperties properties) {
        this.orders = orders;
        this.refunds = refunds;
        this.clock = clock;
        this.zone = properties.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The report of {@code year} (default: the current one), up to the current month; no future years. */
    public Mono<RevenueReport> report(@Nullable Integer year) {
        YearMonth current = YearMonth.now(clock.withZone(zone));
        int y = year == null ? current.getYear() : year;
        if (y < 2000 || y > current.getYear()) {
            return Mono.error(DomainException.invalid("INVALID_PERIOD", "give a year between 2000 and the current one"));
        }
        YearMonth through = y == current.getYear() ? current : YearMonth.of(y, 12);
        Instant from = LocalDate.of(y - 1, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = through.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return Mono.zip(orders.salesByMonth(from, to, zone).collectList(), refunds.refundsByMonth(from, to, zone).collectList())
                .map(t -> RevenueReport.of(y, through, t.getT1(), t.getT2()));
    }
}

package io.baeum.billing.revenue.web;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.billing.revenue.RevenueService;
import io.baeum.billing.revenue.domain.RevenueReport;
import io.baeum.common.web.ApiResponse;

/** Revenue for admins ({@code /api/v1/admin/billing/**} needs ADMIN): by month and course, with year-over-year. */
@RestController
class RevenueController {

    private final RevenueService revenue;

    RevenueController(RevenueService revenue) {
        this.revenue = revenue;
    }

    /** @param yoyPercent net against {@code previousYearNet} (same month a year earlier), percent; null without a base */
    record CourseView(UUID courseId, String courseTitle, long gross, long refunds, long net, long previousYearNet,
                      @Nullable Double yoyPercent) {
    }

    record MonthView(YearMonth month, long gross, long refunds, long net, long previousYearNet, @Nullable Double yoyPercent,
                     List<CourseView> courses) {
        static MonthView of(RevenueReport.Month m) {
            RevenueReport.Figures t = m.total();
            return new MonthView(m.month(), t.gross(), t.refunds(), t.net(), t.previousYearNet(), t.yoyPercent(),
                    m.courses().stream().map(c -> new CourseView(c.courseId(), c.courseTitle(), c.figures().gross(),
                            c.figures().refunds(), c.figures().net(), c.figures().previousYearNet(), c.figures().yoyPercent())).toList());
        }
    }

    record RevenueView(int year, String zone, List<MonthView> months) {
    }

    @GetMapping("/api/v1/admin/billing/revenue")
    Mono<ApiResponse<RevenueView>> revenue(@RequestParam(required = false) @Nullable Integer year) {
        return revenue.report(year).map(r -> ApiResponse.ok(new RevenueView(r.year(), revenue.zone().getId(),
                r.months().stream().map(MonthView::of).toList())));
    }
}

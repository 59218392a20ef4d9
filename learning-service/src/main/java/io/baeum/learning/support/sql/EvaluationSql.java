package io.baeum.learning.support.sql;

/** SQL over exam-service's results (evaluation_result) shared by the dashboards and the reports. */
public final class EvaluationSql {

    /**
     * A LATERAL join, alias {@code sc}, on an enrollment aliased {@code e}: per kind ({@code sc.stage},
     * {@code sc.final}, {@code sc.assignment}) the mean score, two decimals, of the latest attempt of each
     * evaluation (a re-exam replaces the first); null without a result of that kind.
     */
    public static final String LATEST_SCORES_PER_KIND =
            " LEFT JOIN LATERAL (SELECT round(avg(x.score) FILTER (WHERE x.evaluation_kind = 'STAGE'), 2) AS stage, "
            + "round(avg(x.score) FILTER (WHERE x.evaluation_kind = 'FINAL'), 2) AS final, "
            + "round(avg(x.score) FILTER (WHERE x.evaluation_kind = 'ASSIGNMENT'), 2) AS assignment "
            + "FROM (SELECT DISTINCT ON (r.evaluation_id) r.evaluation_kind, r.score FROM evaluation_result r "
            + "WHERE r.enrollment_id = e.id ORDER BY r.evaluation_id, r.attempt_no DESC) x) sc ON true ";

    private EvaluationSql() {
    }
}

package io.baeum.learning.report.render;

import java.time.ZoneId;

import io.baeum.learning.report.domain.EvidenceReport;

/** The evidence report as one HTML page (Korean, every value escaped, no script). */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(EvidenceReport report, ZoneId zone) {
        ReportText text = new ReportText(zone);
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>").append(ReportText.TITLE)
                .append("</title><style>body{font-family:'NanumGothic',sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
                        + "td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}"
                        + ".valid{color:#0a6b2d}.broken{color:#b00020;font-weight:bold}tr.refusal{background:#fff3f3}</style></head><body>\n");
        html.append("<h1>").append(ReportText.TITLE).append("</h1>\n<table class=\"header\">");
        for (String[] line : text.header(report)) {
            html.append("<tr><th>").append(escape(line[0])).append("</th><td>").append(escape(line[1])).append("</td></tr>");
        }
        html.append("</table>\n<p id=\"chain\" class=\"").append(report.chain().valid() ? "valid" : "broken").append("\">")
                .append(escape(ReportText.verdict(report.chain()))).append("</p>\n");
        html.append("<h2>차시별 진도</h2>\n<ol class=\"lessons\">");
        for (EvidenceReport.LessonLine lesson : report.lessons()) {
            html.append("<li>").append(escape(ReportText.lesson(lesson))).append("</li>");
        }
        html.append("</ol>\n<h2>기록 (시간순)</h2>\n<table class=\"timeline\"><thead><tr><th>일시</th><th>구분</th><th>내용</th>"
                + "<th>상세</th><th>순번</th></tr></thead><tbody>\n");
        for (EvidenceReport.Entry e : report.entries()) {
            html.append("<tr").append(e.refusal() ? " class=\"refusal\"" : "").append("><td>").append(escape(text.time(e.at())))
                    .append("</td><td>").append(escape(ReportText.category(e.category()))).append("</td><td>").append(escape(e.title()))
                    .append("</td><td>").append(escape(e.detail())).append("</td><td>").append(e.seq() == null ? "" : e.seq())
                    .append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n</body></html>\n").toString();
    }

    /** Text as HTML text or attribute content. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

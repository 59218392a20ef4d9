package io.baeum.rag.text;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes personal data before text leaves the service (an external model) or reaches a log or the
 * conversation store (R3): e-mail addresses, resident-registration-number-shaped strings, Korean
 * phone numbers, and names where Korean text marks them as names (성명/이름: 홍길동, 홍길동 님/씨/
 * 수강생/훈련생/강사/교수님). Each is replaced by a placeholder that says what was there.
 */
public final class Redactor {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[이메일]"),
            // YYMMDD-GNNNNNN (with or without the hyphen or spaces), G = 1..8
            new Rule(Pattern.compile("(?<!\\d)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\s?-?\\s?[1-8]\\d{6}(?!\\d)"), "[주민등록번호]"),
            // mobile 01X, area codes 02/0XX, 070, 15XX/16XX/18XX, optional +82
            new Rule(Pattern.compile("(?<!\\d)(\\+82[-\\s]?|0)(1[016789]|2|[3-6][1-5]|70)[-.\\s)]?\\d{3,4}[-.\\s]?\\d{4}(?!\\d)"), "[전화번호]"),
            new Rule(Pattern.compile("(?<!\\d)1[568]\\d{2}-\\d{4}(?!\\d)"), "[전화번호]"),
            new Rule(Pattern.compile("(성명|이름|작성자|담당자|수강생명|훈련생명)(\\s*[:：]?\\s*)[가-힣]{2,4}"), "$1$2[이름]"));

    /** A word before 님/씨 that is a role, not a name. */
    private static final Set<String> NOT_NAMES = Set.of("고객", "회원", "관리자", "학습자", "여러분", "선생", "강사", "교수",
            "수강생", "훈련생", "교강사", "운영자", "담당자", "사용자", "신청자", "고객센터", "학생", "교육생", "부모");
    private static final Pattern TITLED_NAME =
            Pattern.compile("(?<![가-힣])([가-힣]{2,4})(?=\\s?(님|씨|수강생|훈련생|강사님|교수님|선생님)(?![가-힣]))");

    private Redactor() {
    }

    public static String redact(String text) {
        String out = text;
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(rule.replacement());
        }
        return TITLED_NAME.matcher(out).replaceAll(m -> NOT_NAMES.contains(m.group(1)) ? m.group(1) : "[이름]");
    }
}

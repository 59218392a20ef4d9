package io.baeum.exam.bank.domain;

/** Why an item (a sheet row) is refused, in Korean and English: the import report shows both. */
public enum ItemProblem {
    TYPE_UNKNOWN("유형은 단일선택, 복수선택, 단답형, 서술형 중 하나여야 합니다.", "Type must be one of 단일선택, 복수선택, 단답형, 서술형."),
    DIFFICULTY_UNKNOWN("난이도는 상, 중, 하 중 하나여야 합니다.", "Difficulty must be 상, 중 or 하."),
    COURSE_REQUIRED("과정을 입력하세요 (64자 이내).", "The course is required (at most 64 characters)."),
    STEM_REQUIRED("문제를 입력하세요 (4000자 이내).", "The question text is required (at most 4000 characters)."),
    CONTROL_CHARACTERS("제어 문자는 사용할 수 없습니다.", "Control characters are not allowed."),
    POINTS_OUT_OF_RANGE("배점은 1~100 사이의 정수여야 합니다.", "Points must be a whole number from 1 to 100."),
    CHOICES_REQUIRED("선택형 문항은 보기가 2~5개 필요하며 빈 보기는 안 됩니다.", "A choice item needs 2 to 5 non-blank choices."),
    CHOICES_NOT_ALLOWED("단답형·서술형 문항에는 보기를 쓸 수 없습니다.", "Short-answer and essay items have no choices."),
    ANSWER_OUT_OF_RANGE("정답은 보기 번호여야 합니다 (예: 2 또는 1,3).", "The answer must be choice numbers (e.g. 2 or 1,3)."),
    SINGLE_ANSWER_EXPECTED("단일선택 문항의 정답은 하나여야 합니다.", "A single-choice item has exactly one answer."),
    ACCEPTED_ANSWER_REQUIRED("단답형 문항은 인정 답안이 하나 이상 필요합니다 (| 로 구분).", "A short-answer item needs at least one accepted answer (separated by |)."),
    TAGS_TOO_MANY("태그는 20개, 각 40자 이내입니다.", "At most 20 tags of at most 40 characters."),
    DUPLICATE_ROW("같은 파일 안에 같은 문항이 이미 있습니다.", "The same item appears earlier in this file.");

    private final String korean;
    private final String english;

    ItemProblem(String korean, String english) {
        this.korean = korean;
        this.english = english;
    }

    public String korean() {
        return korean;
    }

    public String english() {
        return english;
    }
}

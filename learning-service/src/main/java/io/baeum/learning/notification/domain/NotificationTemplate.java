package io.baeum.learning.notification.domain;

/** What a notification says; its texts are {@code notifications/templates*.properties} ({@code <NAME>.subject|body|sms}). */
public enum NotificationTemplate {
    /** 수강 승인: the enrollment became ACTIVE. */
    ENROLLMENT_APPROVED,
    /** 학습 마감 임박: the study period ends within days and progress is below the completion threshold. */
    DEADLINE_APPROACHING,
    /** 수료. */
    COURSE_COMPLETED,
    /** 수료증 발급. */
    CERTIFICATE_ISSUED
}

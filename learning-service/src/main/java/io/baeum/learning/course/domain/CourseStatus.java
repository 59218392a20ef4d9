package io.baeum.learning.course.domain;

public enum CourseStatus {
    DRAFT, PUBLISHED, ARCHIVED
}

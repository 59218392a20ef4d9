package io.baeum.learning.course.domain;

public enum CourseLevel {
    BEGINNER, INTERMEDIATE, ADVANCED
}

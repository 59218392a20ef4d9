package io.baeum.learning.course.domain;

import io.baeum.common.error.DomainException;

/**
 * The status rules of a course: a course is published only with at least one lesson and a video on
 * every lesson; an archived course stays archived.
 */
public final class CourseLifecycle {

    private CourseLifecycle() {
    }

    /**
     * @param current             the status now
     * @param lessons             lessons the course has
     * @param lessonsWithoutVideo lessons without a video
     * @return the new status
     */
    public static CourseStatus publish(CourseStatus current, int lessons, int lessonsWithoutVideo) {
        if (current == CourseStatus.ARCHIVED) {
            throw DomainException.conflict("COURSE_ARCHIVED", "an archived course cannot be published");
        }
        if (lessons == 0) {
            throw DomainException.conflict("COURSE_WITHOUT_LESSONS", "a published course needs at least one lesson with a video");
        }
        if (lessonsWithoutVideo > 0) {
            throw DomainException.conflict("LESSON_WITHOUT_VIDEO", "every lesson of a published course needs a video",
                    lessonsWithoutVideo);
        }
        return CourseStatus.PUBLISHED;
    }

    public static CourseStatus archive(CourseStatus current) {
        return CourseStatus.ARCHIVED;
    }

    /** Structure changes that would leave a published course with a video-less lesson are refused by callers. */
    public static void requireEditable(CourseStatus current) {
        if (current == CourseStatus.ARCHIVED) {
            throw DomainException.conflict("COURSE_ARCHIVED", "an archived course cannot be changed");
        }
    }

    /** Removing the last lesson of a published course would break the publication rule. */
    public static void requireLessonRemovable(CourseStatus current, int lessonsLeftAfter) {
        requireEditable(current);
        if (current == CourseStatus.PUBLISHED && lessonsLeftAfter == 0) {
            throw DomainException.conflict("COURSE_WITHOUT_LESSONS", "a published course keeps at least one lesson");
        }
    }
}

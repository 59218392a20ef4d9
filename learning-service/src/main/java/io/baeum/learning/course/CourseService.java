package io.baeum.learning.course;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.course.domain.CourseLevel;
import io.baeum.learning.course.domain.CourseLifecycle;
import io.baeum.learning.course.domain.CourseStatus;
import io.baeum.learning.course.domain.LessonDraft;
import io.baeum.learning.course.domain.Material;
import io.baeum.learning.course.domain.TrainingType;
import io.baeum.learning.course.domain.VideoCatalog;
import io.baeum.learning.course.persistence.CourseStore.CourseRow;
import io.baeum.learning.course.persistence.CourseStore.LessonRow;
import io.baeum.learning.course.persistence.CourseStore.SubjectRow;
import io.baeum.learning.course.persistence.CourseStore;

/** Catalog administration: courses, subjects and lessons, with the publication rules. */
@Service
public class CourseService {

    private final CourseStore store;
    private final VideoCatalog videos;
    private final TransactionalOperator tx;

    CourseService(CourseStore store, VideoCatalog videos, TransactionalOperator tx) {
        this.store = store;
        this.videos = videos;
        this.tx = tx;
    }

    /** The editable facts of a course. */
    public record CourseDetails(String title, String description, String category, TrainingType trainingType,
                                CourseLevel level, long price, @Nullable String coverUrl) {
    }

    /** A lesson as an admin submits it: the video facts are fetched from the provider. */
    public record LessonInput(String title, @Nullable String videoId, @Nullable Integer recognisedSeconds,
                              List<Material> materials) {
    }

    /** A course with its subjects and lessons in order. */
    public record Outline(CourseRow course, List<SubjectRow> subjects, List<LessonRow> lessons) {
    }

    public Mono<CourseRow> create(CourseDetails details) {
        CourseRow row = new CourseRow(UUID.randomUUID(), details.title(), details.description(), details.category(),
                details.trainingType(), details.level(), details.price(), details.coverUrl(), CourseStatus.DRAFT);
        return store.insert(row).thenReturn(row);
    }

    public Mono<CourseRow> update(UUID id, CourseDetails details) {
        return locked(id, course -> {
            CourseLifecycle.requireEditable(course.status());
            CourseRow changed = new CourseRow(id, details.title(), details.description(), details.category(),
                    details.trainingType(), details.level(), details.price(), details.coverUrl(), course.status());
            return store.update(changed).thenReturn(changed);
        });
    }

    public Mono<CourseRow> publish(UUID id) {
        return locked(id, course -> store.lessons(id).collectList().flatMap(lessons -> {
            long withoutVideo = lessons.stream().filter(l -> l.videoId() == null).count();
            CourseStatus status = CourseLifecycle.publish(course.status(), lessons.size(), (int) withoutVideo);
            return withStatus(course, status);
        }));
    }

    public Mono<CourseRow> archive(UUID id) {
        return locked(id, course -> withStatus(course, CourseLifecycle.archive(course.status())));
    }

    private Mono<CourseRow> withStatus(CourseRow course, CourseStatus status) {
        CourseRow changed = new CourseRow(course.id(), course.title(), course.description(), course.category(),
                course.trainingType(), course.level(), course.price(), course.coverUrl(), status);
        return store.update(changed).thenReturn(changed);
    }

    public Mono<Outline> outline(UUID id) {
        return store.find(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COURSE_NOT_FOUND", "no course " + id)))
                .flatMap(course -> Mono.zip(store.subjects(id).collectList(), store.lessons(id).collectList())
                        .map(t -> new Outline(course, t.getT1(), t.getT2())));
    }

    public Mono<SubjectRow> addSubject(UUID courseId, int position, String title) {
        return locked(courseId, course -> {
            CourseLifecycle.requireEditable(course.status());
            SubjectRow subject = new SubjectRow(UUID.randomUUID(), courseId, position, title);
            return store.insertSubject(subject).thenReturn(subject);
        });
    }

    public Mono<Void> removeSubject(UUID subjectId) {
        return subject(subjectId).flatMap(subject -> locked(subject.courseId(), course ->
                store.lessons(course.id()).filter(l -> !l.subjectId().equals(subjectId)).count()
                        .flatMap(left -> {
                            CourseLifecycle.requireLessonRemovable(course.status(), left.intValue());
                            return store.deleteSubject(subjectId).then(Mono.just(true));
                        }))).then();
    }

    public Mono<LessonRow> addLesson(UUID subjectId, int position, LessonInput input) {
        return subject(subjectId).flatMap(subject -> draft(input, subject.courseId()).flatMap(draft ->
                locked(subject.courseId(), course -> {
                    CourseLifecycle.requireEditable(course.status());
                    if (!draft.hasVideo()) {
                        LessonDraft.withoutVideo(draft.title(), draft.materials(), course.status());
                    }
                    UUID id = UUID.randomUUID();
                    return store.insertLesson(id, course.id(), subjectId, position, draft).then(store.findLesson(id));
                })));
    }

    public Mono<LessonRow> updateLesson(UUID lessonId, LessonInput input) {
        return lesson(lessonId).flatMap(lesson -> draft(input, lesson.courseId()).flatMap(draft ->
                locked(lesson.courseId(), course -> {
                    CourseLifecycle.requireEditable(course.status());
                    if (!draft.hasVideo()) {
                        LessonDraft.withoutVideo(draft.title(), draft.materials(), course.status());
                    }
                    return store.updateLesson(lessonId, draft).then(store.findLesson(lessonId));
                })));
    }

    public Mono<Void> removeLesson(UUID lessonId) {
        return lesson(lessonId).flatMap(lesson -> locked(lesson.courseId(), course ->
                store.lessons(course.id()).count().flatMap(count -> {
                    CourseLifecycle.requireLessonRemovable(course.status(), count.intValue() - 1);
                    return store.deleteLesson(lessonId).then(Mono.just(true));
                }))).then();
    }

    private Mono<LessonDraft> draft(LessonInput input, UUID courseId) {
        if (input.videoId() == null || input.videoId().isBlank()) {
            return Mono.just(new LessonDraft(input.title(), null, null, null, null, input.materials()));
        }
        return videos.describe(input.videoId().strip())
                .map(video -> LessonDraft.withVideo(input.title(), video, input.recognisedSeconds(), input.materials()));
    }

    private Mono<SubjectRow> subject(UUID id) {
        return store.findSubject(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("SUBJECT_NOT_FOUND", "no subject " + id)));
    }

    private Mono<LessonRow> lesson(UUID id) {
        return store.findLesson(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("LESSON_NOT_FOUND", "no lesson " + id)));
    }

    private <T> Mono<T> locked(UUID courseId, java.util.function.Function<CourseRow, Mono<T>> work) {
        return store.lock(courseId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COURSE_NOT_FOUND", "no course " + courseId)))
                .flatMap(work)
                .as(tx::transactional);
    }
}

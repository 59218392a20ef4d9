package io.baeum.learning.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.baeum.learning.testing.AccessTokens;
import io.baeum.learning.testing.LearningMother;
import io.baeum.testing.BaeumInfrastructure;

/**
 * The boards over HTTP against PostgreSQL: who sees a course's boards (active trainees, its instructors, admins),
 * private questions, edits by authors only, moderation, soft deletes, pages, and course materials on disk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class BoardIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();
    static final Path storage = createTempDir();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
        // a loaded build machine: the deny-list and JWKS look-ups get room (they fail closed)
        registry.add("baeum.security.deny-list.timeout", () -> "5s");
        registry.add("baeum.security.token.jwks-timeout", () -> "10s");
        registry.add("baeum.learning.boards.materials.root", storage::toString);
        registry.add("baeum.learning.boards.materials.max-bytes", () -> "4096");
    }

    @AfterAll
    static void close() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    LearningMother mother;
    UUID course;
    final String instructor = tokens.instructor("inst-1");
    final String otherInstructor = tokens.instructor("inst-other");
    final String admin = tokens.admin("admin-1");
    final String asker = tokens.trainee("t-asker");
    final String classmate = tokens.trainee("t-classmate");
    final String outsider = tokens.trainee("t-outsider");
    final String pending = tokens.trainee("t-pending");

    @BeforeEach
    void course() {
        mother = new LearningMother(infra.database());
        var fixture = mother.publishedCourse("SAEOPJU", 600);
        var cohort = mother.cohort(fixture, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), 10, "inst-1");
        mother.activeEnrollment(cohort, "t-asker");
        mother.activeEnrollment(cohort, "t-classmate");
        mother.execute("INSERT INTO enrollment (id, cohort_id, course_id, account_id, status, source, applied_at) "
                + "VALUES (?, ?, ?, 't-pending', 'PENDING', 'APPLICATION', now())", UUID.randomUUID(), cohort.cohortId(), fixture.courseId());
        course = fixture.courseId();
    }

    @Test
    void aQuestionIsPrivateToItsAskerTheCoursesInstructorsAndAdmins() {
        String question = id(post(asker, "/api/v1/boards/courses/{c}/questions", Map.of("title", "3차시 질문", "body", "결과가 달라요"), course)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());

        for (String sees : List.of(asker, instructor, admin)) {
            get(sees, "/api/v1/boards/courses/{c}/questions", course).expectStatus().isOk()
                    .expectBody().jsonPath("$.metadata.total").isEqualTo(1).jsonPath("$.data[0].privatePost").isEqualTo(true);
            get(sees, "/api/v1/boards/posts/{p}", question).expectStatus().isOk();
        }
        get(classmate, "/api/v1/boards/courses/{c}/questions", course).expectStatus().isOk()
                .expectBody().jsonPath("$.metadata.total").isEqualTo(0);
        get(classmate, "/api/v1/boards/posts/{p}", question).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("POST_NOT_FOUND");
        post(classmate, "/api/v1/boards/posts/{p}/replies", Map.of("body", "나도 궁금"), question).expectStatus().isNotFound();
        // no active enrollment, or another course's instructor: the course's boards do not exist for them
        for (String stranger : List.of(outsider, pending, otherInstructor)) {
            get(stranger, "/api/v1/boards/courses/{c}/questions", course).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.error.code").isEqualTo("COURSE_BOARD_NOT_FOUND");
            get(stranger, "/api/v1/boards/posts/{p}", question).expectStatus().isNotFound();
        }

        post(instructor, "/api/v1/boards/posts/{p}/replies", Map.of("body", "2단계를 다시 보세요"), question).expectStatus().isCreated()
                .expectBody().jsonPath("$.data.answer").isEqualTo(true);
        post(asker, "/api/v1/boards/posts/{p}/replies", Map.of("body", "감사합니다"), question).expectStatus().isCreated()
                .expectBody().jsonPath("$.data.answer").isEqualTo(false);
        get(asker, "/api/v1/boards/posts/{p}", question).expectStatus().isOk().expectBody()
                .jsonPath("$.data.replyCount").isEqualTo(2).jsonPath("$.data.answeredAt").isNotEmpty();
        get(asker, "/api/v1/boards/posts/{p}/replies", question).expectStatus().isOk().expectBody()
                .jsonPath("$.metadata.total").isEqualTo(2).jsonPath("$.data[0].answer").isEqualTo(true);

        // a question asked in public is seen by classmates, but answered only by the staff
        String open = id(post(asker, "/api/v1/boards/courses/{c}/questions", Map.of("title", "공개 질문", "body", "?", "privatePost", false), course)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        get(classmate, "/api/v1/boards/posts/{p}", open).expectStatus().isOk();
        post(classmate, "/api/v1/boards/posts/{p}/replies", Map.of("body", "제 생각엔"), open).expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("BOARD_WRITE_FORBIDDEN");
    }

    @Test
    void noticesAreWrittenByStaffGlobalOnesByAdminsAndTakeNoReplies() {
        post(asker, "/api/v1/boards/courses/{c}/notices", Map.of("title", "공지", "body", "x"), course).expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("BOARD_WRITE_FORBIDDEN");
        String notice = id(post(instructor, "/api/v1/boards/courses/{c}/notices", Map.of("title", "시험 안내", "body", "다음 주"), course)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        get(classmate, "/api/v1/boards/courses/{c}/notices", course).expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(1);
        post(classmate, "/api/v1/boards/posts/{p}/replies", Map.of("body", "네"), notice).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.code").isEqualTo("NOTICE_TAKES_NO_REPLIES");

        post(instructor, "/api/v1/boards/notices", Map.of("title", "전체 공지", "body", "점검"), course).expectStatus().isForbidden();
        post(admin, "/api/v1/boards/notices", Map.of("title", "전체 공지", "body", "12월 점검"), course).expectStatus().isCreated();
        get(outsider, "/api/v1/boards/notices").expectStatus().isOk().expectBody().jsonPath("$.data[0].title").isEqualTo("전체 공지");
        web.get().uri("/api/v1/boards/notices").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheAuthorEditsAndTextComesBackVerbatimAsJson() {
        String script = "<script>alert('x')</script> & \"따옴표\"";
        String thread = id(post(asker, "/api/v1/boards/courses/{c}/discussions", Map.of("title", "토론", "body", script), course)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        for (String notAuthor : List.of(classmate, instructor, admin)) {
            put(notAuthor, "/api/v1/boards/posts/{p}", Map.of("title", "바꿈", "body", "바꿈"), thread).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.error.code").isEqualTo("NOT_THE_AUTHOR");
        }
        put(asker, "/api/v1/boards/posts/{p}", Map.of("title", "토론 (수정)", "body", script), thread).expectStatus().isOk()
                .expectBody().jsonPath("$.data.title").isEqualTo("토론 (수정)").jsonPath("$.data.body").isEqualTo(script);
        String reply = id(post(classmate, "/api/v1/boards/posts/{p}/replies", Map.of("body", "동의"), thread).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        put(asker, "/api/v1/boards/replies/{r}", Map.of("body", "남의 댓글"), reply).expectStatus().isForbidden();
        put(classmate, "/api/v1/boards/replies/{r}", Map.of("body", "강하게 동의"), reply).expectStatus().isOk()
                .expectBody().jsonPath("$.data.body").isEqualTo("강하게 동의");

        // bad input: a 4xx envelope and nothing written
        int before = count("SELECT count(*) FROM board_post");
        post(asker, "/api/v1/boards/courses/{c}/discussions", Map.of("title", "", "body", "x"), course).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
        post(asker, "/api/v1/boards/courses/{c}/discussions", Map.of("title", "t", "body", "a\u0000b"), course).expectStatus().isBadRequest();
        post(asker, "/api/v1/boards/courses/{c}/discussions", Map.of("title", "t".repeat(201), "body", "x"), course).expectStatus().isBadRequest();
        post(asker, "/api/v1/boards/courses/{c}/gossip", Map.of("title", "t", "body", "x"), course).expectStatus().isNotFound();
        post(asker, "/api/v1/boards/courses/{c}/discussions", Map.of("title", "t", "body", "x"), UUID.randomUUID()).expectStatus().isNotFound();
        assertThat(count("SELECT count(*) FROM board_post")).isEqualTo(before);
    }

    @Test
    void moderatorsHideAndAuthorsOrModeratorsSoftDelete() {
        String thread = id(post(asker, "/api/v1/boards/courses/{c}/discussions", Map.of("title", "광고", "body", "..."), course)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        String reply = id(post(classmate, "/api/v1/boards/posts/{p}/replies", Map.of("body", "스팸"), thread).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());

        post(classmate, "/api/v1/boards/posts/{p}/moderation", Map.of("hidden", true), thread).expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_A_MODERATOR");
        post(instructor, "/api/v1/boards/replies/{r}/moderation", Map.of("hidden", true, "note", "스팸"), reply).expectStatus().isOk();
        get(asker, "/api/v1/boards/posts/{p}/replies", thread).expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(0);
        get(classmate, "/api/v1/boards/posts/{p}/replies", thread).expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].status").isEqualTo("HIDDEN");

        post(instructor, "/api/v1/boards/posts/{p}/moderation", Map.of("hidden", true, "note", "광고성 글"), thread).expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("HIDDEN");
        get(classmate, "/api/v1/boards/courses/{c}/discussions", course).expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(0);
        get(asker, "/api/v1/boards/posts/{p}", thread).expectStatus().isOk().expectBody().jsonPath("$.data.moderationNote").isEqualTo("광고성 글");
        put(asker, "/api/v1/boards/posts/{p}", Map.of("title", "t", "body", "b"), thread).expectStatus().isEqualTo(409);
        post(admin, "/api/v1/boards/posts/{p}/moderation", Map.of("hidden", false), thread).expectStatus().isOk();
        get(classmate, "/api/v1/boards/courses/{c}/discussions", course).expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(1);

        web.delete().uri("/api/v1/boards/posts/{p}", thread).headers(h -> h.setBearerAuth(classmate)).exchange().expectStatus().isForbidden();
        web.delete().uri("/api/v1/boards/posts/{p}", thread).headers(h -> h.setBearerAuth(asker)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("DELETED");
        for (String anyone : List.of(asker, instructor, admin)) {
            get(anyone, "/api/v1/boards/posts/{p}", thread).expectStatus().isNotFound();
            get(anyone, "/api/v1/boards/courses/{c}/discussions", course).expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(0);
        }
        assertThat(count("SELECT count(*) FROM board_post WHERE id = '" + thread + "' AND status = 'DELETED'")).as("soft-deleted, kept").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM board_reply WHERE post_id = '" + thread + "'")).isEqualTo(1);
    }

    @Test
    void listsArePagedAndSortedByWhitelistedKeys() {
        for (int i = 0; i < 25; i++) {
            post(classmate, "/api/v1/boards/courses/{c}/discussions", Map.of("title", String.format("글 %02d", i), "body", "b"), course)
                    .expectStatus().isCreated();
        }
        get(asker, "/api/v1/boards/courses/{c}/discussions?page=0&size=10&sort=title,asc", course).expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(10).jsonPath("$.metadata.total").isEqualTo(25)
                .jsonPath("$.data[0].title").isEqualTo("글 00").jsonPath("$.metadata.sort").isEqualTo("title,asc");
        get(asker, "/api/v1/boards/courses/{c}/discussions?page=2&size=10&sort=title,asc", course).expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(5).jsonPath("$.data[4].title").isEqualTo("글 24");
        get(asker, "/api/v1/boards/courses/{c}/discussions", course).expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].title").isEqualTo("글 24").jsonPath("$.metadata.size").isEqualTo(20);
        get(asker, "/api/v1/boards/courses/{c}/discussions?size=0", course).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_PAGE");
        get(asker, "/api/v1/boards/courses/{c}/discussions?sort=body", course).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_SORT");
    }

    @Test
    void courseMaterialsAreUploadedByStaffWithinLimitsAndStreamedToParticipants() throws Exception {
        byte[] pdf = "%PDF-1.4 강의자료".getBytes(StandardCharsets.UTF_8);
        String material = (String) ((Map<?, ?>) upload(instructor, "1주차 자료", "1주차 슬라이드.pdf", pdf).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("data")).get("id");

        byte[] downloaded = get(classmate, "/api/v1/boards/materials/{m}/content", material).expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(pdf);
        get(classmate, "/api/v1/boards/courses/{c}/materials", course).expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].fileName").isEqualTo("1주차 슬라이드.pdf").jsonPath("$.data[0].sizeBytes").isEqualTo(pdf.length);
        get(outsider, "/api/v1/boards/materials/{m}/content", material).expectStatus().isNotFound();

        int rows = count("SELECT count(*) FROM course_material");
        long files = files();
        upload(asker, "내 자료", "notes.pdf", pdf).expectStatus().isForbidden();
        upload(instructor, "실행 파일", "setup.exe", pdf).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("FILE_TYPE_NOT_ALLOWED");
        upload(instructor, "큰 파일", "big.zip", new byte[10_000]).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("FILE_TOO_LARGE");
        upload(instructor, "", "../../etc/passwd.txt", pdf).expectStatus().isBadRequest();
        assertThat(count("SELECT count(*) FROM course_material")).isEqualTo(rows);
        assertThat(files()).as("nothing left on disk").isEqualTo(files);

        web.delete().uri("/api/v1/boards/materials/{m}", material).headers(h -> h.setBearerAuth(classmate)).exchange().expectStatus().isForbidden();
        web.delete().uri("/api/v1/boards/materials/{m}", material).headers(h -> h.setBearerAuth(instructor)).exchange().expectStatus().isOk();
        get(classmate, "/api/v1/boards/materials/{m}/content", material).expectStatus().isNotFound();
    }

    WebTestClient.ResponseSpec upload(String token, String title, String fileName, byte[] content) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("title", title);
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return web.post().uri("/api/v1/boards/courses/{c}/materials", course).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    WebTestClient.ResponseSpec get(String token, String uri, Object... vars) {
        return web.get().uri(uri, vars).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec post(String token, String uri, Object body, Object... vars) {
        return web.post().uri(uri, vars).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec put(String token, String uri, Object body, Object... vars) {
        return web.put().uri(uri, vars).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
    }

    static String id(Map<?, ?> response) {
        return (String) ((Map<?, ?>) response.get("data")).get("id");
    }

    int count(String sql) {
        return mother.count(sql);
    }

    static long files() throws Exception {
        try (Stream<Path> walk = Files.walk(storage)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    static Path createTempDir() {
        try {
            return Files.createTempDirectory("baeum-materials-test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
